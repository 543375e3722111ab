import { z } from "zod";
import { EVIDENCE, POLICY_LEVELS } from "../domain/evidence.ts";
import { ERROR_CODES, type ErrorCode } from "../domain/words.ts";

/** An opaque identifier. Clients must not parse it. */
export const Id = z.string().min(1).max(64).meta({ description: "Opaque identifier.", example: "acc_7Q2M4X9K" });

export const Timestamp = z.iso.datetime({ offset: false }).meta({
  description: "ISO 8601 timestamp in UTC.",
  example: "2026-11-23T14:05:00.000Z",
});

export const FieldError = z
  .object({
    path: z.string().meta({ description: "Where the problem is, e.g. `body.username` or `query.limit`." }),
    message: z.string(),
  })
  .meta({ id: "FieldError" });

export const Problem = z
  .object({
    type: z.string().meta({ description: "A URI that identifies the problem type.", example: "about:blank" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).meta({
      description: "Stable snake_case word for the problem; safe to branch on.",
    }),
    requestId: z.string(),
    errors: z.array(FieldError).optional().meta({ description: "Field problems, for `validation_failed`." }),
    retryAfter: z
      .number()
      .int()
      .optional()
      .meta({ description: "Seconds to wait before retrying, for `rate_limited` and `verification_locked`." }),
    required: z
      .enum(POLICY_LEVELS)
      .optional()
      .meta({ description: "The evidence level the action requires, for `verification_insufficient`." }),
    evidence: z
      .array(z.enum(EVIDENCE))
      .optional()
      .meta({ description: "What the open window rests on, for `verification_insufficient`." }),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });
export type Problem = z.infer<typeof Problem>;

export const Limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(200)
  .default(50)
  .meta({ description: "Page size, 1–200.", example: 20 });

export const Cursor = z
  .string()
  .max(512)
  .optional()
  .meta({ description: "Opaque cursor from the previous page's `nextCursor`." });

/** The shape of every list answer; `extra` adds fields a list answers besides its page. */
export function page<T extends z.ZodType, E extends z.ZodRawShape = Record<never, never>>(
  item: T,
  id: string,
  extra?: E,
) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null at the end." }),
      ...(extra as E),
    })
    .meta({ id });
}
