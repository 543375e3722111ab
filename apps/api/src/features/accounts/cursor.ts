import type { z } from "zod";
import { ApiError } from "../../http/errors.ts";

/** Encodes a page position as an opaque string. */
export function encodeCursor(position: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`; anything else is a `validation_failed` on `query.cursor`. */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T): z.infer<T> {
  try {
    return shape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ApiError("validation_failed", "The cursor is not one this API gave out.", {
      errors: [{ path: "query.cursor", message: "Not a valid cursor." }],
    });
  }
}
