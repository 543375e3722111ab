import type { AccountDetail, Staff } from "@recovery-desk/shared";
import { answerQuestions, checkCode, latestCode, startVerification } from "./fake-verification.ts";
import { ava, SECURITY_ANSWERS } from "./fixtures.ts";

/**
 * Opens Ava's (or `staff`'s) verified window on the account before the page loads, as if she had just
 * verified the caller by questions and then by a code on each of `codes`, in the same window. Returns
 * the id of the verification the window rests on now.
 */
export function openVerifiedWindow(
  account: AccountDetail,
  caseRef: string | null = "CASE-1",
  codes: ("otp_sms" | "otp_email")[] = [],
  staff: Staff = ava,
): string {
  const start = (method: "security_questions" | "otp_sms" | "otp_email") => {
    const started = startVerification(staff, account.id, { method, ...(caseRef ? { caseRef } : {}) });
    if (!("body" in started)) throw new Error(`The verification did not start: ${started.detail}`);
    return String(started.body.id);
  };
  let id = start("security_questions");
  const answers = account.securityQuestions.map((q) => ({ questionId: q.id, answer: SECURITY_ANSWERS[q.id] ?? "" }));
  if (answerQuestions(staff, id, answers).status !== 200) throw new Error("The caller was not verified");
  for (const method of codes) {
    id = start(method);
    if (checkCode(staff, id, latestCode()).status !== 200) throw new Error(`The ${method} code was not accepted`);
  }
  return id;
}
