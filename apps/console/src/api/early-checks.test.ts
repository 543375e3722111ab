import { Problem, StaffEnvelope } from "@recovery-desk/shared";
import { describe, expect, it } from "vitest";
import { readProblem, StaffEnvelopeCheck } from "./early-checks.ts";

/*
 * The session check and problem+json are read with valibot, not zod (see early-checks.ts). These keep
 * those checks to the contract's own verdicts, on good answers and on every way an answer can be wrong.
 */

const staff = { id: "stf_1", username: "ava.agent", displayName: "Ava Agent", role: "agent" };

const staffAnswers: unknown[] = [
  { staff },
  { staff: { ...staff, role: "admin" } },
  { staff: { ...staff, extra: "dropped" }, other: true },
  { staff: { ...staff, id: "" } },
  { staff: { ...staff, id: "x".repeat(64) } },
  { staff: { ...staff, id: "x".repeat(65) } },
  { staff: { ...staff, id: 7 } },
  { staff: { ...staff, role: "owner" } },
  { staff: { ...staff, role: undefined } },
  { staff: { ...staff, username: null } },
  { staff: { ...staff, displayName: 3 } },
  { staff: [] },
  { staff: null },
  {},
  [],
  null,
  "staff",
  undefined,
];

const problem = {
  type: "about:blank",
  title: "Too Many Requests",
  status: 429,
  detail: "Slow down.",
  code: "rate_limited",
  requestId: "req_1",
};

const problemAnswers: unknown[] = [
  problem,
  { ...problem, retryAfter: 120 },
  { ...problem, retryAfter: 1.5 },
  { ...problem, retryAfter: "120" },
  { ...problem, errors: [{ path: "body.username", message: "Required" }] },
  { ...problem, errors: [] },
  { ...problem, errors: [{ path: "body.username" }] },
  { ...problem, errors: "wrong" },
  { ...problem, attemptsRemaining: 2, extra: "dropped" },
  { ...problem, code: "exploded" },
  { ...problem, code: "validation_failed" },
  { ...problem, status: "429" },
  { ...problem, status: 429.5 },
  { ...problem, status: Number.MAX_SAFE_INTEGER + 2 },
  { ...problem, requestId: null },
  { ...problem, type: undefined },
  { ...problem, title: 1 },
  { ...problem, detail: undefined },
  { error: "not a problem" },
  [problem],
  null,
  "Internal Server Error",
];

describe("the checks for answers read before the contract is loaded", () => {
  it("who is signed in: the same verdict and data as the contract's StaffEnvelope", () => {
    for (const answer of staffAnswers) {
      const expected = StaffEnvelope.safeParse(answer);
      const actual = StaffEnvelopeCheck["~standard"].validate(answer);
      if (actual instanceof Promise) throw new Error("The session check answers at once.");
      expect(actual.issues === undefined, JSON.stringify(answer)).toBe(expected.success);
      if (!actual.issues && expected.success) expect(actual.value).toStrictEqual(expected.data);
    }
  });

  it("problem+json: the same verdict and data as the contract's Problem", () => {
    for (const answer of problemAnswers) {
      const expected = Problem.safeParse(answer);
      const actual = readProblem(answer);
      expect(actual !== null, JSON.stringify(answer)).toBe(expected.success);
      if (actual && expected.success) expect(actual).toStrictEqual(expected.data);
    }
  });
});
