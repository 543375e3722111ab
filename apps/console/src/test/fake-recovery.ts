/**
 * The recovery part of the fake API, following the real one's rules: every action needs the agent's
 * open verified window (and its case), state changes go through the shared move table, messages go
 * only to a verified channel, and an Idempotency-Key replays the first answer.
 */
import {
  type AccountDetail,
  MESSAGES,
  maskEmail,
  maskPhone,
  meetsLevel,
  type PolicyAction,
  PROBLEM_DETAILS,
  planMove,
  RECOVERY_POLICY,
  REPORTED_LOCK_LIFT,
  Reason,
  roleAtLeast,
  type Staff,
} from "@recovery-desk/shared";
import { changeAccount } from "./fake-accounts.ts";
import { findAccount } from "./fake-api.ts";
import { appendEvent, staffActor } from "./fake-audit.ts";
import { evidenceRefusal } from "./fake-policy.ts";
import { sendNotices } from "./fake-reports.ts";
import { type FakeReply, fakeVerification, refuse } from "./fake-verification-state.ts";
import { accountAsSeenBy, openWindowOf } from "./fake-window.ts";
import { CONTACT_ON_FILE } from "./fixtures.ts";

export type RecoveryAction = "unlock" | "reactivate" | "temporary-password" | "username-reminder";

type ActionBody = { reason?: string; caseRef?: string; channel?: "email" | "sms" };

export const fakeRecovery = {
  /** The Idempotency-Key of every action request, in order (null when none was sent). */
  keys: [] as Array<string | null>,
  /** First answers by key, for replays. */
  answers: new Map<string, { request: string; reply: FakeReply }>(),
  /** When set, every text message or email fails to go out (502 delivery_failed). */
  deliveryFails: false,
  /** Temporary passwords sent, so a test can prove none of them ever reaches the screen. */
  passwords: [] as string[],
};

export function resetFakeRecovery(): void {
  fakeRecovery.keys = [];
  fakeRecovery.answers.clear();
  fakeRecovery.deliveryFails = false;
  fakeRecovery.passwords = [];
}

/** Where a message can go: the verified phone or email, or why not (the real API's words). */
function verifiedChannel(account: AccountDetail, kind: "email" | "sms") {
  const full = CONTACT_ON_FILE[account.id];
  if (kind === "sms") {
    const phone = full?.phone;
    if (!phone) return { refused: PROBLEM_DETAILS.noPhone };
    if (!account.channels.phone.verified) return { refused: PROBLEM_DETAILS.phoneNotVerified };
    return { to: phone, masked: maskPhone(phone) };
  }
  const email = full?.email;
  if (!email) return { refused: PROBLEM_DETAILS.noEmail };
  if (!account.channels.email.verified) return { refused: PROBLEM_DETAILS.emailNotVerified };
  return { to: email, masked: maskEmail(email) };
}

function deliver(
  account: AccountDetail,
  messageKind: "temporary_password" | "username_reminder",
  kind: "email" | "sms",
  to: string,
  masked: string,
  message: { subject: string; text: string },
  otherwise: string,
) {
  if (fakeRecovery.deliveryFails) {
    return refuse(502, "delivery_failed", PROBLEM_DETAILS.deliveryFailed(kind, masked, otherwise));
  }
  fakeVerification.outbox.push({
    id: `msg_${fakeVerification.outbox.length + 1}`,
    channel: kind,
    kind: messageKind,
    language: "en",
    recipient: to,
    subject: kind === "sms" ? null : message.subject,
    body: message.text,
    accountId: account.id,
    createdAt: new Date(Date.now()).toISOString(),
  });
  return null;
}

/** A different password each time, shaped like the real ones. */
function newPassword(): string {
  return `Tq7m-Xv${fakeRecovery.passwords.length + 1}p-Hr4k-Wz9n`;
}

const POLICY_ACTION_OF: Record<RecoveryAction, PolicyAction> = {
  unlock: "unlock",
  reactivate: "reactivate",
  "temporary-password": "temporary_password",
  "username-reminder": "username_reminder",
};

function act(staff: Staff, accountId: string, action: RecoveryAction, body: ActionBody): FakeReply {
  const now = Date.now();
  const account = findAccount(accountId);
  if (!account) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
  // Held on the owner's report: only a supervisor lifts it, on a code; everything else waits.
  const frozen = account.status === "locked" && account.statusReason === "reported_by_owner";
  if (frozen && action === "unlock" && !roleAtLeast(staff.role, REPORTED_LOCK_LIFT.role)) {
    return refuse(403, "forbidden", PROBLEM_DETAILS.reportedLockNeedsRole(REPORTED_LOCK_LIFT.role));
  }
  if (frozen && action !== "unlock") return refuse(409, "invalid_transition", PROBLEM_DETAILS.frozenByOwner);
  const open = openWindowOf(staff, accountId);
  if (!open) {
    return refuse(403, "verification_required", PROBLEM_DETAILS.verifyFirst);
  }
  const reason = Reason.safeParse(body.reason);
  if (!reason.success) return refuse(400, "validation_failed", PROBLEM_DETAILS.fieldsInvalid);
  // A window belongs to one case: opened without one, it takes the first action's case.
  if (body.caseRef !== undefined && open.caseRef === null) open.caseRef = body.caseRef;
  if (body.caseRef !== undefined && body.caseRef !== open.caseRef) {
    return refuse(403, "verification_required", PROBLEM_DETAILS.otherCase(String(open.caseRef), body.caseRef));
  }
  if (frozen && !meetsLevel(REPORTED_LOCK_LIFT.requires, open.evidence)) {
    const required = REPORTED_LOCK_LIFT.requires;
    const detail = PROBLEM_DETAILS.reportedLockNeedsMore(required, open.evidence);
    return refuse(403, "verification_insufficient", detail, { required, evidence: open.evidence });
  }
  const short = frozen ? null : evidenceRefusal(POLICY_ACTION_OF[action], open.evidence);
  if (short) return short;
  const event = {
    accountId,
    actor: staffActor(staff),
    caseRef: body.caseRef ?? open.caseRef,
    reason: reason.data,
  };

  if (action === "unlock" || action === "reactivate") {
    const state = { status: account.status, statusReason: account.statusReason, lockKind: account.lock?.kind ?? null };
    const plan = planMove(state, { kind: action });
    if (!plan.ok) return refuse(409, "invalid_transition", plan.reason);
    changeAccount(accountId, {
      status: "active",
      statusReason: null,
      lock: null,
      ...(action === "reactivate" ? { lastActivityAt: new Date(now).toISOString() } : {}),
    });
    appendEvent({
      ...event,
      action: action === "unlock" ? "account.unlocked" : "account.reactivated",
      details: {
        verificationId: open.id,
        verifiedBy: open.method,
        evidence: open.evidence,
        ...(frozen ? { liftedReason: "reported_by_owner" } : {}),
      },
    });
    appendEvent({ ...event, action: "account.viewed_unmasked", reason: null, details: { verificationId: open.id } });
    sendNotices(accountId, action === "unlock" ? "account.unlocked" : "account.reactivated", event.caseRef);
    const changed = findAccount(accountId);
    return { status: 200, body: changed ? accountAsSeenBy(changed, staff) : {} };
  }

  if (account.status === "merged" || account.status === "closed") {
    return refuse(409, "invalid_transition", PROBLEM_DETAILS.nothingCanChange(account.status));
  }
  const kind = action === "temporary-password" ? (body.channel ?? "email") : "email";
  const channel = verifiedChannel(account, kind);
  if ("refused" in channel) return refuse(409, "conflict", channel.refused ?? "");

  if (action === "temporary-password") {
    const password = newPassword();
    const failed = deliver(
      account,
      "temporary_password",
      kind,
      channel.to,
      channel.masked,
      MESSAGES.temporaryPassword(password),
      PROBLEM_DETAILS.temporaryPasswordNotSent,
    );
    if (failed) return failed;
    fakeRecovery.passwords.push(password);
    const expiresAt = new Date(now + RECOVERY_POLICY.temporaryPasswordTtlMs).toISOString();
    changeAccount(accountId, {
      mustChangePassword: true,
      ...(account.status === "locked" ? { status: "active", statusReason: null, lock: null } : {}),
    });
    appendEvent({
      ...event,
      action: "account.temporary_password_issued",
      details: { verificationId: open.id, channel: kind, deliveredTo: channel.masked, expiresAt },
    });
    sendNotices(accountId, "account.temporary_password_issued", event.caseRef);
    return { status: 202, body: { deliveredTo: channel.masked, expiresAt } };
  }

  const failed = deliver(
    account,
    "username_reminder",
    "email",
    channel.to,
    channel.masked,
    MESSAGES.usernameReminder(account.username),
    PROBLEM_DETAILS.usernameReminderNotSent,
  );
  if (failed) return failed;
  appendEvent({
    ...event,
    action: "account.username_reminder_sent",
    details: { verificationId: open.id, deliveredTo: channel.masked },
  });
  sendNotices(accountId, "account.username_reminder_sent", event.caseRef);
  return { status: 202, body: { deliveredTo: channel.masked, expiresAt: null } };
}

/**
 * One recovery request. With an Idempotency-Key, the same request again replays the first answer
 * (`replayed`), another request under the same key is a conflict; answers of 500 and above are not kept.
 */
export function recoveryAction(
  staff: Staff,
  accountId: string,
  action: RecoveryAction,
  body: ActionBody,
  key: string | null,
): FakeReply & { replayed?: boolean } {
  fakeRecovery.keys.push(key);
  const request = `${action} ${accountId} ${JSON.stringify(body)}`;
  const earlier = key ? fakeRecovery.answers.get(key) : undefined;
  if (earlier) {
    if (earlier.request !== request) return refuse(409, "conflict", PROBLEM_DETAILS.idempotencyKeyReused);
    return { ...earlier.reply, replayed: true };
  }
  const reply = act(staff, accountId, action, body);
  if (key && reply.status < 500) fakeRecovery.answers.set(key, { request, reply });
  return reply;
}
