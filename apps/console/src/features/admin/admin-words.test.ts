import { StaffMember } from "@recovery-desk/shared";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/problem.ts";
import { describeStaffChangeProblem, describeSweep } from "./admin-words.ts";

const ben = StaffMember.parse({
  id: "stf_ben",
  username: "ben.admin",
  displayName: "Ben Admin",
  role: "admin",
  disabled: false,
  createdAt: "2026-01-05T15:00:00.000Z",
  signInLimitedUntil: null,
});

const conflict = (detail: string) => new ApiProblem({ status: 409, code: "conflict", detail, requestId: "req_409" });

describe("describeStaffChangeProblem", () => {
  it.each([
    [
      "yourself",
      conflict("You cannot disable or demote yourself; ask another admin."),
      true,
      "You cannot disable yourself or take away your own admin role. Ask another admin.",
    ],
    [
      "the last active admin",
      conflict("This is the last active admin."),
      false,
      "Ben Admin is the last active admin. Make someone else an admin first, so someone can always manage staff and API keys.",
    ],
    [
      "another conflict, in the API's own words",
      conflict("A request with this Idempotency-Key is still in progress. Retry shortly."),
      false,
      "A request with this Idempotency-Key is still in progress. Retry shortly.",
    ],
    [
      "someone removed meanwhile",
      new ApiProblem({ status: 404, code: "not_found", detail: "The staff member does not exist." }),
      false,
      "Ben Admin is no longer in the staff list.",
    ],
  ])("puts a refusal about %s in words", (_, error, isSelf, message) => {
    expect(describeStaffChangeProblem(error, ben, isSelf).message).toBe(message);
  });
});

describe("describeSweep", () => {
  it.each([
    [{ ran: true, deactivated: 12, batches: 1 }, "Deactivated 12 accounts."],
    [{ ran: true, deactivated: 1, batches: 1 }, "Deactivated 1 account."],
    [{ ran: true, deactivated: 0, batches: 0 }, "Deactivated 0 accounts."],
    [
      { ran: false, deactivated: 0, batches: 0 },
      "Another sweep was running at the same moment, so this one stopped. Try again in a minute.",
    ],
  ])("says what a sweep did: %o", (result, words) => {
    expect(describeSweep(result)).toBe(words);
  });
});
