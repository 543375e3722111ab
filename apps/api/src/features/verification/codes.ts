import { randomInt } from "node:crypto";

/** A 6-digit one-time code from a cryptographic source. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The text of the message that carries a code. */
export function codeMessage(code: string): { subject: string; text: string } {
  return {
    subject: "Your verification code",
    text: `Your USPS account verification code is ${code}. It expires in 10 minutes. Read it only to the agent on your call; USPS will never ask for it any other way.`,
  };
}
