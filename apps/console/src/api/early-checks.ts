import { ERROR_CODES, type ErrorCode, type Problem, ROLES, type StaffEnvelope } from "@recovery-desk/shared";
import * as v from "valibot";

/*
 * Two answers are read before the shared contract's schemas are loaded (see contract.ts): who is
 * signed in, asked before every signed-in page, and problem+json, which any call can get. They are
 * checked here with valibot, which the first page has already for its URL checks, as the contract's
 * Problem and StaffEnvelope schemas describe them; early-checks.test.ts holds them to the same
 * verdicts as those schemas. (zod/mini would share zod's core with the contract's schemas, and so
 * bring all of it into the first page.)
 */

/** Who is signed in: `{ staff: { id, username, displayName, role } }`, as the contract's StaffEnvelope. */
export const StaffEnvelopeCheck = v.object({
  staff: v.object({
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    username: v.string(),
    displayName: v.string(),
    role: v.picklist(ROLES),
  }),
}) satisfies v.GenericSchema<unknown, StaffEnvelope>;

const wholeNumber = v.pipe(v.number(), v.safeInteger());

/** An RFC 9457 problem, as the contract's Problem schema. */
const ProblemCheck = v.object({
  type: v.string(),
  title: v.string(),
  status: wholeNumber,
  detail: v.string(),
  code: v.picklist(Object.keys(ERROR_CODES) as ErrorCode[]),
  requestId: v.string(),
  errors: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
  retryAfter: v.optional(wholeNumber),
}) satisfies v.GenericSchema<unknown, Problem>;

/** The problem the body describes, or null when the body is not one. */
export function readProblem(body: unknown): Problem | null {
  const result = v.safeParse(ProblemCheck, body);
  return result.success ? result.output : null;
}
