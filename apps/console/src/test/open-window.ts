import type { AccountDetail } from "@recovery-desk/shared";
import { answerQuestions, startVerification } from "./fake-verification.ts";
import { ava, SECURITY_ANSWERS } from "./fixtures.ts";

/** Opens Ava's verified window on the account before the page loads, as if she had just verified the caller by questions. */
export function openVerifiedWindow(account: AccountDetail, caseRef: string | null = "CASE-1"): string {
  const started = startVerification(ava, account.id, {
    method: "security_questions",
    ...(caseRef ? { caseRef } : {}),
  });
  if (!("body" in started)) throw new Error(`The verification did not start: ${started.detail}`);
  const id = String(started.body.id);
  const answers = account.securityQuestions.map((q) => ({ questionId: q.id, answer: SECURITY_ANSWERS[q.id] ?? "" }));
  const result = answerQuestions(ava, id, answers);
  if (result.status !== 200) throw new Error("The caller was not verified");
  return id;
}
