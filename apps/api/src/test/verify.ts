import { answerOf, type TestContext } from "./context.ts";
import { latestCode } from "./outbox.ts";

/** Opens a verified window for the signed-in agent by the account's questions; `caseRef` null opens it without a case. */
export async function verifyByQuestions(
  t: TestContext,
  cookie: string,
  accountId: string,
  answers: string[],
  caseRef: string | null = "CASE-7",
): Promise<void> {
  const v = await start(t, cookie, accountId, "security_questions", caseRef);
  const res = await t.api(cookie).verifications[":id"].answers.$post({
    param: { id: v.id },
    json: { answers: (v.questions ?? []).map((q, i) => ({ questionId: q.id, answer: answers[i] ?? "" })) },
  });
  await answerOf(res, 200);
}

/** Opens a verified window by a code sent to the account's verified email or phone, read from the outbox; `caseRef` as above. */
export async function verifyByCode(
  t: TestContext,
  cookie: string,
  accountId: string,
  method: "otp_email" | "otp_sms",
  recipient: string,
  caseRef: string | null = "CASE-7",
): Promise<void> {
  const v = await start(t, cookie, accountId, method, caseRef);
  const code = await latestCode(t.database.db, recipient);
  await answerOf(await t.api(cookie).verifications[":id"].code.$post({ param: { id: v.id }, json: { code } }), 200);
}

async function start(
  t: TestContext,
  cookie: string,
  accountId: string,
  method: "security_questions" | "otp_email" | "otp_sms",
  caseRef: string | null,
) {
  const started = await t.api(cookie).accounts[":id"].verifications.$post({
    param: { id: accountId },
    json: { method, ...(caseRef === null ? {} : { caseRef }) },
  });
  return answerOf(started, 201);
}
