import type { CodeRequest, VerificationSuccess } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts, verificationFailures, verifications } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import { accountCaps } from "../../lib/account-caps.ts";
import { newId } from "../../lib/ids.ts";
import { verifySecret } from "../../security/hashing.ts";
import { countAgentActivity } from "../alerts/raise.ts";
import { assertPending, loadOwnVerification } from "./load.ts";
import { type OpenedWindow, openVerifiedWindow } from "./open-window.ts";
import { auditLock, codeLimit, secondsUntil } from "./question-limit.ts";

type Outcome = { ok: true; opened: OpenedWindow } | { ok: false; attemptsRemaining: number } | { locked: Date };

/**
 * Checks a one-time code. It works once, for 10 minutes, with 5 tries, and only for the
 * verification it was sent for; the row is locked while it is judged, so a code cannot be used
 * twice by concurrent requests. Wrong codes also count for the account across all verifications
 * and agents: at the daily limit, codes are locked for the account for 24 hours (423). The account
 * row is locked first, so wrong codes in parallel are counted one after another.
 */
export async function checkCode(
  scope: StaffScope,
  verificationId: string,
  input: CodeRequest,
): Promise<VerificationSuccess> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const { accountId } = await loadOwnVerification(db, principal, verificationId);
  const wrongCodeLimit = accountCaps(deps).wrongCodesPerDay;

  const outcome = await db.transaction(async (tx): Promise<Outcome> => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId)).for("update");
    const verification = await loadOwnVerification(tx, principal, verificationId, { forUpdate: true });
    if (verification.method === "security_questions")
      throw new ApiError("conflict", "This verification uses questions, not a code.");
    assertPending(verification, now);
    const audit = {
      actor: actorOf(principal),
      origin,
      accountId: verification.accountId,
      caseRef: verification.caseRef,
    };
    const limit = await codeLimit(tx, accountId, now, wrongCodeLimit);
    if (limit.lockedUntil) {
      await auditLock(tx, { ...audit, at: now }, verification, limit.lockedUntil, true);
      return { locked: limit.lockedUntil };
    }
    if (!verification.codeHash || (verification.codeAttemptsRemaining ?? 0) <= 0) {
      throw new ApiError("conflict", PROBLEM_DETAILS.codeTriesUsed, {
        extra: { attemptsRemaining: 0 },
      });
    }
    if (!verification.codeExpiresAt || verification.codeExpiresAt <= now) {
      throw new ApiError("conflict", PROBLEM_DETAILS.codeExpired, { extra: { attemptsRemaining: 0 } });
    }
    const matches = await verifySecret(verification.codeHash, input.code);
    const at = deps.clock.now();
    if (matches) {
      return { ok: true, opened: await openVerifiedWindow(tx, verification, at, audit) };
    }
    const attemptsRemaining = (verification.codeAttemptsRemaining ?? 1) - 1;
    await tx
      .update(verifications)
      .set({ codeAttemptsRemaining: attemptsRemaining, ...(attemptsRemaining === 0 ? { codeHash: null } : {}) })
      .where(eq(verifications.id, verificationId));
    await countAgentActivity(scope, tx, "failed_verification", at);
    await tx.insert(verificationFailures).values({
      id: newId("failure"),
      accountId,
      verificationId,
      method: verification.method,
      failedAt: at,
    });
    await appendAuditEvent(tx, {
      ...audit,
      at,
      action: "verification.failed",
      details: { verificationId, method: verification.method, attemptsRemaining },
    });
    const after = await codeLimit(tx, accountId, at, wrongCodeLimit);
    if (after.lockedUntil) {
      await auditLock(tx, { ...audit, at }, verification, after.lockedUntil);
      return { locked: after.lockedUntil };
    }
    return { ok: false, attemptsRemaining };
  });

  if ("locked" in outcome) throw codesLockedError(outcome.locked, now);
  if (outcome.ok) {
    const { verifiedUntil, evidence } = outcome.opened;
    return { status: "verified", verifiedUntil: verifiedUntil.toISOString(), evidence };
  }
  throw new ApiError("verification_failed", PROBLEM_DETAILS.codeWrong, {
    extra: { attemptsRemaining: outcome.attemptsRemaining },
  });
}

/** 423: codes are locked for the account until `until`. */
export function codesLockedError(until: Date, now: Date): ApiError {
  return new ApiError("verification_locked", PROBLEM_DETAILS.codesLocked, {
    retryAfter: secondsUntil(until, now),
    extra: { attemptsRemaining: 0 },
  });
}
