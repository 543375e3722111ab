import type { AccountDetail, ActionRequest } from "@recovery-desk/shared";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { detailAfterAction } from "./present.ts";
import { changeAccount, LOCK_CLEARED } from "./transition.ts";
import { requireWindow } from "./window-guard.ts";

/** Lifts a temporary or hard lock and clears the failed-login counter. */
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
    const window = await requireWindow(tx, scope, accountId, now, input.caseRef, kind);
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
        details: { verificationId: window.id, verifiedBy: window.method, evidence: window.evidence },
      },
      kind === "unlock" ? LOCK_CLEARED : { deactivatedAt: null, lastActivityAt: now },
    );
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
