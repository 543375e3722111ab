import { ERROR_CODES, type ErrorCode, type Problem, ROLES, type Role, type StaffEnvelope } from "@recovery-desk/shared";
import type { AnswerSchema } from "./answer-schema.ts";

/*
 * Two answers are read before the shared contract's schemas are loaded (see contract.ts): who is
 * signed in, asked before every signed-in page, and problem+json, which any call can get. They are
 * checked here by hand, field by field as the contract's Problem and StaffEnvelope schemas do;
 * early-checks.test.ts holds them to the same verdicts as those schemas. (zod/mini would share zod's
 * core with the contract's schemas, and so bring all of it into the first page.)
 */

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === "string";
const isInteger = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value);

function isRole(value: unknown): value is Role {
  return isString(value) && (ROLES as readonly string[]).includes(value);
}

function isErrorCode(value: unknown): value is ErrorCode {
  return isString(value) && Object.hasOwn(ERROR_CODES, value);
}

/** Who is signed in: `{ staff: { id, username, displayName, role } }`, as the contract's StaffEnvelope. */
export const StaffEnvelopeCheck: AnswerSchema<StaffEnvelope> = {
  "~standard": {
    validate(value) {
      const refused = { issues: [{ message: "Not the contract's StaffEnvelope." }] };
      if (!isObject(value) || !isObject(value.staff)) return refused;
      const { id, username, displayName, role } = value.staff;
      if (!isString(id) || id.length < 1 || id.length > 64) return refused;
      if (!isString(username) || !isString(displayName) || !isRole(role)) return refused;
      return { value: { staff: { id, username, displayName, role } } };
    },
  },
};

/** An RFC 9457 problem as the contract's Problem schema describes it, or null when the body is not one. */
export function readProblem(body: unknown): Problem | null {
  if (!isObject(body)) return null;
  const { type, title, status, detail, code, requestId, errors, retryAfter } = body;
  if (!isString(type) || !isString(title) || !isInteger(status) || !isString(detail)) return null;
  if (!isErrorCode(code) || !isString(requestId)) return null;
  const problem: Problem = { type, title, status, detail, code, requestId };
  if (errors !== undefined) {
    if (!Array.isArray(errors)) return null;
    const fieldProblems: NonNullable<Problem["errors"]> = [];
    for (const error of errors) {
      if (!isObject(error) || !isString(error.path) || !isString(error.message)) return null;
      fieldProblems.push({ path: error.path, message: error.message });
    }
    problem.errors = fieldProblems;
  }
  if (retryAfter !== undefined) {
    if (!isInteger(retryAfter)) return null;
    problem.retryAfter = retryAfter;
  }
  return problem;
}
