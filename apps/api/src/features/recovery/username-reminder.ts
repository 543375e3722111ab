import type { ActionRequest, DeliveryReceipt } from "@recovery-desk/shared";
import { MESSAGES, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { deliver, verifiedChannel } from "../../notify/deliver.ts";
import { checkWindow, claimCase, releaseCase } from "./window-guard.ts";

/** Emails the account's username to its verified email address. */
export async function sendUsernameReminder(
  scope: StaffScope,
  accountId: string,
  input: ActionRequest,
): Promise<DeliveryReceipt> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const checked = await checkWindow(db, principal, accountId, now, input.caseRef);
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw notFound("The account");
  const channel = verifiedChannel("email", account);
  if ("refused" in channel) throw new ApiError("conflict", channel.refused);

  const { window, claimed } = await claimCase(db, checked, input.caseRef);
  try {
    await deliver(
      deps,
      channel,
      MESSAGES.usernameReminder(account.username),
      { accountId },
      PROBLEM_DETAILS.usernameReminderNotSent,
    );
  } catch (error) {
    if (claimed) await releaseCase(db, window);
    throw error;
  }
  await db.transaction((tx) =>
    appendAuditEvent(tx, {
      at: now,
      actor: actorOf(principal),
      action: "account.username_reminder_sent",
      origin,
      accountId,
      caseRef: input.caseRef ?? window.caseRef,
      reason: input.reason,
      details: { verificationId: window.id, deliveredTo: channel.masked },
    }),
  );
  return { deliveredTo: channel.masked, expiresAt: null };
}
