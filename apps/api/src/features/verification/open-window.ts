import { VERIFICATION_POLICY } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { type AuditEventInput, appendAuditEvent } from "../../audit/append.ts";
import type { Tx } from "../../db/client.ts";
import { type VerificationRow, verifications } from "../../db/schema/index.ts";

/**
 * Marks a verification as succeeded, which opens the agent's 15-minute window, and records
 * `verification.succeeded`. A code is spent with it: its hash is removed.
 */
export async function openVerifiedWindow(
  tx: Tx,
  verification: VerificationRow,
  at: Date,
  audit: Pick<AuditEventInput, "actor" | "origin" | "accountId" | "caseRef">,
): Promise<Date> {
  const verifiedUntil = new Date(at.getTime() + VERIFICATION_POLICY.windowMs);
  await tx
    .update(verifications)
    .set({
      status: "verified",
      verifiedAt: at,
      verifiedUntil,
      ...(verification.method === "security_questions" ? {} : { codeHash: null, codeAttemptsRemaining: 0 }),
    })
    .where(eq(verifications.id, verification.id));
  await appendAuditEvent(tx, {
    ...audit,
    at,
    action: "verification.succeeded",
    details: { verificationId: verification.id, method: verification.method },
  });
  return verifiedUntil;
}
