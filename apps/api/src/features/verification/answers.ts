import { type AnswersRequest, normalizeAnswer, PROBLEM_DETAILS, type VerificationSuccess } from "@recovery-desk/shared";
import { eq, inArray } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts, securityQuestions, verificationFailures } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { verifySecret } from "../../security/hashing.ts";
import { countAgentActivity } from "../alerts/raise.ts";
import { assertPending, loadOwnVerification } from "./load.ts";
import { type OpenedWindow, openVerifiedWindow } from "./open-window.ts";
import { auditLock, questionLimit, secondsUntil } from "./question-limit.ts";

type Outcome = { ok: true; opened: OpenedWindow } | { ok: false; attemptsRemaining: number; lockedUntil: Date | null };

/**
 * Checks the caller's answers. Both must match their stored hashes after normalisation; the
 * answer says only verified or not, never which one failed. The answers are hashed first, with no
 * transaction open; then the account row is locked while the attempt is recorded, so attempts from
 * several agents are counted one after another and the limit is judged as it stands at that moment.
 */
export async function answerQuestions(
  scope: StaffScope,
  verificationId: string,
  input: AnswersRequest,
): Promise<VerificationSuccess> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const verification = await loadOwnVerification(db, principal, verificationId);
  if (verification.method !== "security_questions")
    throw new ApiError("conflict", "This verification uses a one-time code, not questions.");
  assertPending(verification, now);

  const expected = verification.questionIds ?? [];
  const given = new Map(input.answers.map((a) => [a.questionId, a.answer]));
  if (given.size !== input.answers.length || expected.length !== given.size || !expected.every((id) => given.has(id))) {
    throw new ApiError("validation_failed", PROBLEM_DETAILS.answerEachQuestion, {
      errors: [{ path: "json.answers", message: `Expected answers to the questions ${expected.join(", ")}.` }],
    });
  }

  const stored = await db
    .select({ id: securityQuestions.id, answerHash: securityQuestions.answerHash })
    .from(securityQuestions)
    .where(inArray(securityQuestions.id, expected));
  const matches = await Promise.all(
    stored.map((q) => verifySecret(q.answerHash, normalizeAnswer(given.get(q.id) ?? ""))),
  );
  const verified = stored.length === expected.length && matches.every(Boolean);

  const audit = { actor: actorOf(principal), origin, accountId: verification.accountId, caseRef: verification.caseRef };
  const outcome = await db.transaction(async (tx): Promise<Outcome | { locked: Date }> => {
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, verification.accountId)).for("update");
    // Another attempt on this verification may have finished while the answers were hashed.
    assertPending(await loadOwnVerification(tx, principal, verificationId), now);
    const limit = await questionLimit(tx, verification.accountId, now);
    if (limit.lockedUntil) {
      await auditLock(tx, { ...audit, at: now }, verification, limit.lockedUntil, true);
      return { locked: limit.lockedUntil };
    }

    const at = deps.clock.now();
    if (verified) {
      return { ok: true, opened: await openVerifiedWindow(tx, verification, at, audit) };
    }

    await tx.insert(verificationFailures).values({
      id: newId("failure"),
      accountId: verification.accountId,
      verificationId,
      method: "security_questions",
      failedAt: at,
    });
    await countAgentActivity(scope, tx, "failed_verification", at);
    const after = await questionLimit(tx, verification.accountId, at);
    await appendAuditEvent(tx, {
      ...audit,
      at,
      action: "verification.failed",
      details: { verificationId, method: verification.method, attemptsRemaining: after.attemptsRemaining },
    });
    if (after.lockedUntil) await auditLock(tx, { ...audit, at }, verification, after.lockedUntil);
    return { ok: false, attemptsRemaining: after.attemptsRemaining, lockedUntil: after.lockedUntil };
  });

  if ("locked" in outcome) throw lockedError(outcome.locked, now);
  if (outcome.ok) {
    const { verifiedUntil, evidence } = outcome.opened;
    return { status: "verified", verifiedUntil: verifiedUntil.toISOString(), evidence };
  }
  if (outcome.lockedUntil) throw lockedError(outcome.lockedUntil, now);
  throw new ApiError("verification_failed", PROBLEM_DETAILS.answersWrong, {
    extra: { attemptsRemaining: outcome.attemptsRemaining },
  });
}

function lockedError(until: Date, now: Date): ApiError {
  return new ApiError("verification_locked", PROBLEM_DETAILS.questionsLockedNow, {
    retryAfter: secondsUntil(until, now),
    extra: { attemptsRemaining: 0 },
  });
}
