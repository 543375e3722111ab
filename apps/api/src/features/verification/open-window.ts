import { EVIDENCE, type Evidence, evidenceOf, VERIFICATION_POLICY } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { type AuditEventInput, appendAuditEvent } from "../../audit/append.ts";
import type { Tx } from "../../db/client.ts";
import { accounts, type VerificationRow, verifications } from "../../db/schema/index.ts";
import { openWindow } from "./window.ts";

/** What `openVerifiedWindow` opened: until when, on what evidence. */
export interface OpenedWindow {
  verifiedUntil: Date;
  evidence: Evidence[];
}

/**
 * Marks a verification as succeeded, which opens the agent's window for 15 minutes from now, and
 * records `verification.succeeded`. Passed while the agent's window on the account is open (and
 * of the same case, or either has none), the new window adds its evidence to that window's, takes
 * its case, and that window ends. A code is spent with it: its hash is removed.
 */
export async function openVerifiedWindow(
  tx: Tx,
  verification: VerificationRow,
  at: Date,
  audit: Pick<AuditEventInput, "actor" | "origin" | "accountId" | "caseRef">,
): Promise<OpenedWindow> {
  // The account row is locked so two methods passed at once both count.
  await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, verification.accountId)).for("update");
  const open = await openWindow(tx, verification.staffId, verification.accountId, at);
  const joins =
    open !== null && (open.caseRef === null || verification.caseRef === null || open.caseRef === verification.caseRef);
  const held = new Set<Evidence>([...(joins ? open.evidence : []), evidenceOf(verification.method)]);
  const evidence = EVIDENCE.filter((e) => held.has(e));
  const caseRef = verification.caseRef ?? (joins ? open.caseRef : null);
  const verifiedUntil = new Date(at.getTime() + VERIFICATION_POLICY.windowMs);
  await tx
    .update(verifications)
    .set({
      status: "verified",
      verifiedAt: at,
      verifiedUntil,
      evidence,
      caseRef,
      ...(verification.method === "security_questions" ? {} : { codeHash: null, codeAttemptsRemaining: 0 }),
    })
    .where(eq(verifications.id, verification.id));
  // The window moves to this verification: the one it joined ends now.
  if (joins) await tx.update(verifications).set({ verifiedUntil: at }).where(eq(verifications.id, open.id));
  await appendAuditEvent(tx, {
    ...audit,
    caseRef: audit.caseRef ?? caseRef,
    at,
    action: "verification.succeeded",
    details: {
      verificationId: verification.id,
      method: verification.method,
      evidence,
      ...(joins ? { addedTo: open.id } : {}),
    },
  });
  return { verifiedUntil, evidence };
}
