import type { Verification } from "@recovery-desk/shared";
import type { TestContext } from "./context.ts";
import { latestCode } from "./outbox.ts";

/** Opens a verified window for the signed-in agent by the account's questions; `caseRef` null opens it without a case. */
export async function verifyByQuestions(
  t: TestContext,
  cookie: string,
  accountId: string,
  answers: string[],
  caseRef: string | null = "CASE-7",
): Promise<void> {
  const started = await t.request(`/api/v1/accounts/${accountId}/verifications`, {
    cookie,
    body: { method: "security_questions", ...(caseRef === null ? {} : { caseRef }) },
  });
  const v = (await started.json()) as Verification;
  const res = await t.request(`/api/v1/verifications/${v.id}/answers`, {
    cookie,
    body: { answers: (v.questions ?? []).map((q, i) => ({ questionId: q.id, answer: answers[i] })) },
  });
  if (res.status !== 200) throw new Error(`Verification failed: ${res.status} ${await res.text()}`);
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
  const started = await t.request(`/api/v1/accounts/${accountId}/verifications`, {
    cookie,
    body: { method, ...(caseRef === null ? {} : { caseRef }) },
  });
  const v = (await started.json()) as Verification;
  const code = await latestCode(t.database.db, recipient);
  const res = await t.request(`/api/v1/verifications/${v.id}/code`, { cookie, body: { code } });
  if (res.status !== 200) throw new Error(`Verification failed: ${res.status} ${await res.text()}`);
}
