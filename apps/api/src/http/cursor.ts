import { z } from "zod";
import { ApiError } from "./errors.ts";
import { isStorableText } from "./router.ts";

/**
 * The pieces a list's page position is made of. Each refuses what the database could not compare
 * with, so a cursor that decodes is always one a query can use.
 */
export const position = {
  /** Text of up to `max` characters (any length without), valid Unicode without NUL. */
  text: (max?: number) =>
    (max === undefined ? z.string() : z.string().max(max)).refine(
      isStorableText,
      "Text must be valid Unicode without NUL characters.",
    ),
  /** A whole number from `min` to `max`; by default no larger than a JS number holds exactly. */
  int: (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max),
  /** A moment as the API writes it (`Date.toISOString()`, years 0001–9999), and a real one. */
  time: () =>
    z
      .string()
      .regex(/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/)
      .refine((text) => {
        const at = new Date(text);
        return !Number.isNaN(at.getTime()) && at.toISOString() === text;
      }, "Not a real moment."),
};

/** A cursor: base64url characters only, as `encode` writes them (no padding). */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export interface CursorCodec<T> {
  /** The page position as an opaque string: base64url of its JSON. */
  encode(at: T): string;
  /** The page position in a cursor; anything but one `encode` could write is `validation_failed` on `query.cursor`. */
  decode(cursor: string): T;
}

/**
 * The one way a list turns its page position into a cursor and back. `shape` names the members
 * (built from `position`); a cursor with any other member, a missing one, a value of another type
 * or out of range, text that is not base64url of UTF-8 JSON, is refused as a client error before
 * any query runs.
 */
export function cursorCodec<const Shape extends Record<string, z.ZodType>>(
  shape: Shape,
): CursorCodec<z.infer<z.ZodObject<Shape>>> {
  const schema = z.strictObject(shape);
  return {
    encode: (at) => Buffer.from(JSON.stringify(at), "utf8").toString("base64url"),
    decode(cursor) {
      let value: unknown;
      try {
        if (!BASE64URL.test(cursor)) throw new Error("not base64url");
        value = JSON.parse(UTF8.decode(Buffer.from(cursor, "base64url")));
      } catch {
        throw invalidCursor();
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw invalidCursor();
      return parsed.data as z.infer<z.ZodObject<Shape>>;
    },
  };
}

function invalidCursor(): ApiError {
  return new ApiError("validation_failed", "The cursor is not one this API gave out.", {
    errors: [{ path: "query.cursor", message: "Not a valid cursor." }],
  });
}
