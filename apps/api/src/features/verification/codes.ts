import { randomInt } from "node:crypto";
import { MESSAGES } from "@recovery-desk/shared";

/** A 6-digit one-time code from a cryptographic source. */
export function newOneTimeCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

/** The text of the message that carries a code. */
export function codeMessage(code: string): { subject: string; text: string; kind: "code" } {
  return { ...MESSAGES.code(code), kind: "code" };
}
