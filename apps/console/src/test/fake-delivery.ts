import { type AccountDetail, MESSAGES, PROBLEM_DETAILS, VERIFICATION_POLICY } from "@recovery-desk/shared";
import { type FakeReply, type FakeVerification, fakeVerification, refuse } from "./fake-verification-state.ts";
import { CONTACT_ON_FILE } from "./fixtures.ts";

/** A fixed series of different codes, so an old code never equals the new one by chance. */
function nextCode(): string {
  fakeVerification.seq += 1;
  return String((482_913 + fakeVerification.seq * 104_729) % 1_000_000).padStart(6, "0");
}

/** Sends a code to the account's verified phone or email, into the outbox; or says why it cannot. */
export function sendCode(v: FakeVerification, account: AccountDetail, now: number): FakeReply | null {
  const sms = v.method === "otp_sms";
  const channel = sms ? account.channels.phone : account.channels.email;
  const to = sms ? CONTACT_ON_FILE[account.id]?.phone : CONTACT_ON_FILE[account.id]?.email;
  if (!channel.masked) return refuse(409, "conflict", sms ? PROBLEM_DETAILS.noPhone : PROBLEM_DETAILS.noEmail);
  if (!channel.verified) {
    return refuse(409, "conflict", sms ? PROBLEM_DETAILS.phoneNotVerified : PROBLEM_DETAILS.emailNotVerified);
  }
  if (fakeVerification.deliveryFails) {
    return refuse(502, "delivery_failed", PROBLEM_DETAILS.deliveryFailed(sms ? "sms" : "email", channel.masked));
  }
  const code = nextCode();
  const message = MESSAGES.code(code);
  fakeVerification.outbox.push({
    id: `msg_${fakeVerification.outbox.length + 1}`,
    channel: sms ? "sms" : "email",
    kind: "code",
    language: "en",
    recipient: to ?? channel.masked,
    subject: sms ? null : message.subject,
    body: message.text,
    accountId: account.id,
    createdAt: new Date(now).toISOString(),
  });
  Object.assign(v, {
    code,
    codeSentAt: now,
    codeTriesLeft: VERIFICATION_POLICY.codeAttempts,
    codesSent: v.codesSent + 1,
    deliveredTo: channel.masked,
  });
  return null;
}

/** The code in the newest message of the outbox, as the caller would read it out. */
export function latestCode(): string {
  const newest = fakeVerification.outbox.at(-1);
  const code = newest?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("No code has been sent yet.");
  return code;
}
