import type { AccountStatus, StatusReason } from "@recovery-desk/shared";

/*
 * An account held on its owner's report ("this wasn't me"), in words. Kept apart from
 * account-words.ts, which the first page loads, so only the pages that show an account carry them.
 */

/** The status reason `reported_by_owner`, in plain words wherever an account's status is shown. */
export const HELD_BY_OWNER = "Held: the owner reported a recovery they did not ask for";

/** Whether the account is held on its owner's report until a supervisor lifts it. */
export function isHeldByOwner(account: { status: AccountStatus; statusReason: StatusReason | null }): boolean {
  return account.status === "locked" && account.statusReason === "reported_by_owner";
}
