import type { AccountDetail, ActionRequest } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts } from "../../db/schema/index.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { countAgentActivity } from "../alerts/raise.ts";
import { requireReportedLockEvidence, requireReportedLockRole } from "../policy/policy.ts";
import { isFrozen, refuseIfFrozen } from "./frozen.ts";
import { detailAfterAction } from "./present.ts";
import { changeAccount, LOCK_CLEARED } from "./transition.ts";
import { requireWindow } from "./window-guard.ts";

/**
 * Lifts a temporary or hard lock and clears the failed-login counter. A lock the owner asked for
 * (`reported_by_owner`) is lifted only by a supervisor or above, whose window holds a code.
 */
export function liftLockout(scope: StaffScope, accountId: string, input: ActionRequest) {
  return recover(scope, accountId, input, "unlock");
}

/** Reactivates an account that was deactivated for inactivity. */
export function reactivate(scope: StaffScope, accountId: string, input: ActionRequest) {
  return recover(scope, accountId, input, "reactivate");
}

async function recover(
  scope: StaffScope,
  accountId: string,
  input: ActionRequest,
  kind: "unlock" | "reactivate",
): Promise<AccountDetail> {
  const { deps, staff: principal, origin } = scope;
  const now = deps.clock.now();
  const detail = await deps.database.db.transaction(async (tx) => {
    // The row stays locked to the end, so an owner's report cannot slip in between the checks and the change.
    const [current] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
    const frozen = current !== undefined && isFrozen(current);
    if (frozen && kind === "unlock") requireReportedLockRole(principal.role);
    else if (current) refuseIfFrozen(current);
    const window = await requireWindow(tx, scope, accountId, now, input.caseRef, kind);
    if (frozen) requireReportedLockEvidence(window.evidence);
    const { updated, event } = await changeAccount(
      tx,
      accountId,
      { kind },
      {
        at: now,
        actor: actorOf(principal),
        action: kind === "unlock" ? "account.unlocked" : "account.reactivated",
        origin,
        caseRef: input.caseRef ?? window.caseRef,
        reason: input.reason,
        details: {
          verificationId: window.id,
          verifiedBy: window.method,
          evidence: window.evidence,
          ...(frozen ? { liftedReason: "reported_by_owner" } : {}),
        },
      },
      kind === "unlock" ? LOCK_CLEARED : { deactivatedAt: null, lastActivityAt: now },
    );
    await countAgentActivity(scope, tx, "recovery_action", now);
    // The owner is told at every verified channel; the notices commit with the change or not at all.
    const notified = await queueNotices(tx, {
      kind: "notice",
      account: updated,
      action: event.action,
      caseRef: event.caseRef ?? null,
      at: now,
      publicUrl: deps.config.publicUrl,
    });
    return detailAfterAction(tx, principal, window, now, origin, [
      { ...event, details: { ...event.details, ...noticeDetails(notified) } },
    ]);
  });
  deps.noticesQueued?.();
  return detail;
}
