import type { ActionRequest, DeliveryReceipt } from "@recovery-desk/shared";
import { MESSAGES, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { ApiError } from "../../http/errors.ts";
import { sendUnderCap } from "../../lib/account-caps.ts";
import { deliver, verifiedChannel } from "../../notify/deliver.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { countAgentActivity } from "../alerts/raise.ts";
import { refuseIfFrozen } from "./frozen.ts";
import { checkWindowAndAccount, sendUnderWindow } from "./window-guard.ts";

/** Emails the account's username to its verified email address; at most `usernameRemindersPerDay` per account (429 past it). */
export async function sendUsernameReminder(
  scope: StaffScope,
  accountId: string,
  input: ActionRequest,
): Promise<DeliveryReceipt> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const { checked, account, now } = await checkWindowAndAccount(
    db,
    scope,
    accountId,
    input.caseRef,
    "username_reminder",
  );
  refuseIfFrozen(account);
  const channel = verifiedChannel("email", account);
  if ("refused" in channel) throw new ApiError("conflict", channel.refused);

  const window = await sendUnderWindow(db, checked, input.caseRef, () =>
    sendUnderCap(deps, "username_reminder", accountId, now, () =>
      deliver(
        deps,
        channel,
        { ...MESSAGES.usernameReminder(account.username), kind: "username_reminder" },
        { accountId },
        PROBLEM_DETAILS.usernameReminderNotSent,
      ),
    ),
  );
  const caseRef = input.caseRef ?? window.caseRef ?? null;
  await db.transaction(async (tx) => {
    await countAgentActivity(scope, tx, "recovery_action", now);
    const notified = await queueNotices(tx, {
      kind: "notice",
      account,
      action: "account.username_reminder_sent",
      caseRef,
      at: now,
      publicUrl: deps.config.publicUrl,
    });
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(principal),
      action: "account.username_reminder_sent",
      origin,
      accountId,
      caseRef,
      reason: input.reason,
      details: {
        verificationId: window.id,
        evidence: window.evidence,
        deliveredTo: channel.masked,
        ...noticeDetails(notified),
      },
    });
  });
  deps.noticesQueued?.();
  return { deliveredTo: channel.masked, expiresAt: null };
}
