import { VERIFICATION_POLICY, type Verification } from "@recovery-desk/shared";
import type { VerificationRow } from "../../db/schema/index.ts";

/** A verification as the API shows it: never a code, a hash or an answer. */
export function presentVerification(
  row: VerificationRow,
  now: Date,
  extra: { questions?: { id: string; prompt: string }[]; attemptsRemaining: number },
): Verification {
  const lapsed = row.status === "pending" && row.expiresAt <= now;
  const isCode = row.method !== "security_questions";
  return {
    id: row.id,
    accountId: row.accountId,
    method: row.method,
    status: lapsed ? "expired" : row.status,
    caseRef: row.caseRef,
    ...(extra.questions ? { questions: extra.questions } : {}),
    attemptsRemaining: extra.attemptsRemaining,
    expiresAt: row.expiresAt.toISOString(),
    deliveredTo: row.deliveredTo,
    codeExpiresAt: isCode ? (row.codeExpiresAt?.toISOString() ?? null) : null,
    resendAvailableAt:
      isCode && row.codeSentAt
        ? new Date(row.codeSentAt.getTime() + VERIFICATION_POLICY.resendAfterMs).toISOString()
        : null,
    verifiedUntil: row.verifiedUntil?.toISOString() ?? null,
  };
}
