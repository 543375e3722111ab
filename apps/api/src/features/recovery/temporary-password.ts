import {
  type DeliveryReceipt,
  MESSAGES,
  PROBLEM_DETAILS,
  RECOVERY_POLICY,
  type TemporaryPasswordRequest,
} from "@recovery-desk/shared";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { ApiError } from "../../http/errors.ts";
import { sendUnderCap } from "../../lib/account-caps.ts";
import { deliver, verifiedChannel } from "../../notify/deliver.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { hashSecret } from "../../security/hashing.ts";
import { countAgentActivity } from "../alerts/raise.ts";
import { refuseIfFrozen } from "./frozen.ts";
import { LOCK_CLEARED, moveAccount } from "./transition.ts";
import { checkWindowAndAccount, sendUnderWindow } from "./window-guard.ts";

/** Letters and digits that cannot be mistaken for one another when read from a phone. */
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** A random temporary password in groups of four: `k7Rm-2Px9-Qa4T-wZ8n` (16 characters from 57, about 93 bits). */
export function newTemporaryPassword(): string {
  const bytes = new Uint8Array(RECOVERY_POLICY.temporaryPasswordLength);
  const chars: string[] = [];
  while (chars.length < RECOVERY_POLICY.temporaryPasswordLength) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 256 - (256 % ALPHABET.length) && chars.length < RECOVERY_POLICY.temporaryPasswordLength) {
        chars.push(ALPHABET[byte % ALPHABET.length] as string);
      }
    }
  }
  return chars.join("").replace(/(.{4})(?=.)/g, "$1-");
}

/**
 * Sends a temporary password to a verified channel. It works for 24 hours, the customer must
 * change it at next login, and issuing it lifts a failed-login lock. The agent never sees it:
 * it exists only in the message; the account keeps its hash. At most `temporaryPasswordsPerDay`
 * are sent per account (429 past it).
 */
export async function issueTemporaryPassword(
  scope: StaffScope,
  accountId: string,
  input: TemporaryPasswordRequest,
): Promise<DeliveryReceipt> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const { checked, account, now } = await checkWindowAndAccount(
    db,
    scope,
    accountId,
    input.caseRef,
    "temporary_password",
  );
  if (account.status === "merged" || account.status === "closed") {
    throw new ApiError("invalid_transition", PROBLEM_DETAILS.nothingCanChange(account.status));
  }
  refuseIfFrozen(account);
  const channel = verifiedChannel(input.channel, account);
  if ("refused" in channel) throw new ApiError("conflict", channel.refused);

  const password = newTemporaryPassword();
  const expiresAt = new Date(now.getTime() + RECOVERY_POLICY.temporaryPasswordTtlMs);
  const passwordHash = await hashSecret(password);
  // Over the account's daily cap: 429, nothing sent, and the window keeps no case for it.
  const window = await sendUnderWindow(db, checked, input.caseRef, () =>
    sendUnderCap(deps, "temporary_password", accountId, now, () =>
      deliver(
        deps,
        channel,
        { ...MESSAGES.temporaryPassword(password), kind: "temporary_password" },
        { accountId },
        PROBLEM_DETAILS.temporaryPasswordNotSent,
      ),
    ),
  );

  // The message has gone: it is recorded, under the window checked and bound before it was sent.
  // The password went to one channel; the notice that one was issued goes to every verified one.
  await db.transaction(async (tx) => {
    await countAgentActivity(scope, tx, "recovery_action", now);
    const notified = await queueNotices(tx, {
      kind: "notice",
      account,
      action: "account.temporary_password_issued",
      caseRef: input.caseRef ?? window.caseRef ?? null,
      at: now,
      publicUrl: deps.config.publicUrl,
    });
    await moveAccount(
      tx,
      accountId,
      (current) => {
        // Frozen on the owner's report while the message went: the password is never stored, so it does not work.
        refuseIfFrozen(current);
        return current.status === "locked" && current.statusReason === "failed_logins" ? { kind: "unlock" } : null;
      },
      {
        at: now,
        actor: actorOf(principal),
        action: "account.temporary_password_issued",
        origin,
        caseRef: input.caseRef ?? window.caseRef,
        reason: input.reason,
        details: {
          verificationId: window.id,
          evidence: window.evidence,
          channel: channel.channel,
          deliveredTo: channel.masked,
          expiresAt: expiresAt.toISOString(),
          ...noticeDetails(notified),
        },
      },
      {
        temporaryPasswordHash: passwordHash,
        temporaryPasswordExpiresAt: expiresAt,
        mustChangePassword: true,
        ...LOCK_CLEARED,
      },
    );
  });
  deps.noticesQueued?.();
  return { deliveredTo: channel.masked, expiresAt: expiresAt.toISOString() };
}
