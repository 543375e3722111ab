import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import type { AccountRow } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";

/** Whether the account is held on its owner's report ("this wasn't me"). */
export function isFrozen(account: Pick<AccountRow, "status" | "statusReason">): boolean {
  return account.status === "locked" && account.statusReason === "reported_by_owner";
}

/**
 * Refuses a recovery action on an account held on its owner's report: 409 `invalid_transition`
 * until a supervisor lifts the lock (`POST /accounts/{id}/unlock`).
 */
export function refuseIfFrozen(account: Pick<AccountRow, "status" | "statusReason">): void {
  if (!isFrozen(account)) return;
  throw new ApiError("invalid_transition", PROBLEM_DETAILS.frozenByOwner, {
    extra: { accountStatus: account.status, statusReason: account.statusReason },
  });
}
