import { type AccountDetail, type Evidence, methodFor, type VerificationMethod } from "@recovery-desk/shared";
import { plural } from "./format.ts";

/** The names of the three ways to verify a caller, as they appear on the buttons. */
export const METHOD_LABELS: Record<VerificationMethod, string> = {
  security_questions: "Security questions",
  otp_sms: "Code by text message",
  otp_email: "Code by email",
};

/** How the caller was verified, to follow "Caller verified …". */
export const VERIFIED_BY: Record<VerificationMethod, string> = {
  security_questions: "by security questions",
  otp_sms: "by a code sent by text message",
  otp_email: "by a code sent by email",
};

/** How the window's evidence was given, e.g. "by security questions and a code sent by text message". */
export function verifiedBy(evidence: readonly Evidence[]): string {
  return evidence
    .map((e, i) => (i === 0 ? VERIFIED_BY[methodFor(e)] : VERIFIED_BY[methodFor(e)].slice(3)))
    .join(" and ");
}

/** "by text", "by email": where a code went. */
export const CODE_ROUTE: Record<"otp_sms" | "otp_email", string> = {
  otp_sms: "by text",
  otp_email: "by email",
};

export type MethodChoice = { method: VerificationMethod; available: boolean; note: string };

type AccountFacts = Pick<AccountDetail, "channels" | "securityQuestions">;

/**
 * What each method offers for this account, or why it cannot be used: codes go only to a verified
 * channel, and questions stop after the account's attempts run out.
 */
export function methodChoices(account: AccountFacts, questionsLockedUntil: string | null): MethodChoice[] {
  const questionCount = account.securityQuestions.length;
  const { phone, email } = account.channels;
  return [
    questionsLockedUntil
      ? { method: "security_questions", available: false, note: "Locked for this account after 3 failed attempts." }
      : questionCount === 0
        ? { method: "security_questions", available: false, note: "This account has no security questions." }
        : {
            method: "security_questions",
            available: true,
            note: `Ask the caller ${plural(questionCount, "question", "questions")}.`,
          },
    !phone.masked
      ? { method: "otp_sms", available: false, note: "No phone number on file." }
      : !phone.verified
        ? { method: "otp_sms", available: false, note: "The phone number is not verified, so no code can go to it." }
        : { method: "otp_sms", available: true, note: `A 6-digit code goes to ${phone.masked}.` },
    !email.masked
      ? { method: "otp_email", available: false, note: "No email address on file." }
      : !email.verified
        ? { method: "otp_email", available: false, note: "The email address is not verified, so no code can go to it." }
        : { method: "otp_email", available: true, note: `A 6-digit code goes to ${email.masked}.` },
  ];
}

/** "2 attempts left for this account today." */
export function questionAttemptsLeft(count: number): string {
  return `${plural(count, "attempt", "attempts")} left for this account today.`;
}

/** "4 tries left on this code." */
export function codeTriesLeft(count: number): string {
  return `${plural(count, "try", "tries")} left on this code.`;
}
