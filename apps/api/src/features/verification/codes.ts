import { randomInt } from "node:crypto";
import { maskEmail, maskPhone } from "@recovery-desk/shared";

/** A 6-digit one-time code from a cryptographic source. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export interface CodeChannel {
  channel: "email" | "sms";
  to: string;
  masked: string;
}

/** The verified channel a code method sends to, or why it cannot. */
export function codeChannel(
  method: "otp_sms" | "otp_email",
  account: { email: string | null; emailVerified: boolean; phone: string | null; phoneVerified: boolean },
): CodeChannel | { refused: string } {
  if (method === "otp_sms") {
    if (!account.phone) return { refused: "The account has no phone number." };
    if (!account.phoneVerified)
      return { refused: "The account's phone number is not verified; a code cannot be sent to it." };
    return { channel: "sms", to: account.phone, masked: maskPhone(account.phone) };
  }
  if (!account.email) return { refused: "The account has no email address." };
  if (!account.emailVerified)
    return { refused: "The account's email address is not verified; a code cannot be sent to it." };
  return { channel: "email", to: account.email, masked: maskEmail(account.email) };
}

/** The text of the message that carries a code. */
export function codeMessage(code: string): { subject: string; text: string } {
  return {
    subject: "Your verification code",
    text: `Your USPS account verification code is ${code}. It expires in 10 minutes. Read it only to the agent on your call; USPS will never ask for it any other way.`,
  };
}
