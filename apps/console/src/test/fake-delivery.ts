import { type AccountDetail, VERIFICATION_POLICY } from "@recovery-desk/shared";
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
  const what = sms ? "phone number" : "email address";
  if (!channel.masked) return refuse(409, "conflict", `The account has no ${what}.`);
  if (!channel.verified) {
    return refuse(409, "conflict", `The account's ${what} is not verified; a code cannot be sent to it.`);
  }
  if (fakeVerification.deliveryFails) {
    return refuse(
      502,
      "delivery_failed",
      `The ${sms ? "text message" : "email"} to ${channel.masked} could not be sent. Try again, or use another way to verify the caller.`,
    );
  }
  const code = nextCode();
  fakeVerification.outbox.push({
    id: `msg_${fakeVerification.outbox.length + 1}`,
    channel: sms ? "sms" : "email",
    recipient: to ?? channel.masked,
    subject: sms ? null : "Your verification code",
    body: `Your USPS account verification code is ${code}. It expires in 10 minutes. Read it only to the agent on your call; USPS will never ask for it any other way.`,
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
