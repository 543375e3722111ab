import type { ApiScope, Role, StaffMember, SweepResult } from "@recovery-desk/shared";
import { isApiProblem } from "../../api/problem.ts";
import { plural } from "../../lib/format.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";

/** What each API key scope lets a service do, in one line. */
export const SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  "login-events:write": "report customer logins (lockout policy)",
  "accounts:read": "find and read accounts, always masked",
  "accounts:write": "create and update accounts from the system of record",
  "audit:read": "read and export the audit trail",
};

/** What each role may do, for the role choice; each role has what the one before has. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  agent: "finds accounts, verifies callers and recovers accounts",
  supervisor: "also approves merges and reviews the audit trail",
  admin: "also manages staff, API keys and webhooks",
};

/** "Deactivated 12 accounts." — what a run of the inactivity sweep did. */
export function describeSweep(result: SweepResult): string {
  if (!result.ran) return "Another sweep was running at the same moment, so this one stopped. Try again in a minute.";
  return `Deactivated ${plural(result.deactivated, "account", "accounts")}.`;
}

/**
 * A refused staff change in words. The API refuses (409) to disable or demote yourself, or the last
 * active admin, so someone can always manage staff and keys.
 */
export function describeStaffChangeProblem(error: unknown, target: StaffMember, isSelf: boolean): ProblemMessage {
  if (isApiProblem(error) && error.code === "conflict") {
    if (isSelf) {
      return {
        message: "You cannot disable yourself or take away your own admin role. Ask another admin.",
        requestId: null,
      };
    }
    if (/last/i.test(error.detail)) {
      return {
        message: `${target.displayName} is the last active admin. Make someone else an admin first, so someone can always manage staff and API keys.`,
        requestId: null,
      };
    }
    return { message: error.detail, requestId: error.requestId };
  }
  if (isApiProblem(error) && error.code === "not_found") {
    return { message: `${target.displayName} is no longer in the staff list.`, requestId: null };
  }
  return describeProblem(error);
}
