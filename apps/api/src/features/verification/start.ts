import {
  PROBLEM_DETAILS,
  type StartVerificationRequest,
  VERIFICATION_POLICY,
  type Verification,
} from "@recovery-desk/shared";
import { asc, eq } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts, securityQuestions, verifications } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { accountCaps, sendUnderCap } from "../../lib/account-caps.ts";
import { newId } from "../../lib/ids.ts";
import { deliver, verifiedChannel } from "../../notify/deliver.ts";
import { hashSecret } from "../../security/hashing.ts";
import { codesLockedError } from "./code-check.ts";
import { codeMessage, newOneTimeCode } from "./codes.ts";
import { presentVerification } from "./present.ts";
import { codeLimit, questionLimit, secondsUntil } from "./question-limit.ts";

/**
 * Starts verifying a caller. Questions: the account's two prompts, unless the account's question
 * limit is reached (423). Codes: a new 6-digit code goes at once to the verified channel; an
 * unverified or missing channel is a conflict, codes locked after too many wrong ones are 423, the
 * account's daily code cap is 429, and nothing is written (nor counted) when delivery fails.
 */
export async function startVerification(
  scope: StaffScope,
  accountId: string,
  input: StartVerificationRequest,
): Promise<Verification> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw notFound("The account");
  if (account.status === "merged" || account.status === "closed") {
    throw new ApiError("conflict", PROBLEM_DETAILS.verifyOnAccountInUse(account.status));
  }
  const id = newId("verification");
  const base = {
    id,
    accountId,
    staffId: principal.id,
    method: input.method,
    caseRef: input.caseRef ?? null,
    status: "pending" as const,
    createdAt: now,
    expiresAt: new Date(now.getTime() + VERIFICATION_POLICY.pendingTtlMs),
  };
  const audit = (details: Record<string, unknown>) => ({
    at: now,
    actor: actorOf(principal),
    action: "verification.started" as const,
    origin,
    accountId,
    caseRef: input.caseRef ?? null,
    details: { verificationId: id, method: input.method, ...details },
  });

  if (input.method === "security_questions") {
    const limit = await questionLimit(db, accountId, now);
    if (limit.lockedUntil) {
      throw new ApiError("verification_locked", PROBLEM_DETAILS.questionsLocked, {
        retryAfter: secondsUntil(limit.lockedUntil, now),
      });
    }
    const questions = await db
      .select({ id: securityQuestions.id, prompt: securityQuestions.prompt })
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, accountId))
      .orderBy(asc(securityQuestions.position));
    if (questions.length === 0)
      throw new ApiError("conflict", "The account has no security questions. Verify with a one-time code.");
    const row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(verifications)
        .values({ ...base, questionIds: questions.map((q) => q.id) })
        .returning();
      await appendAuditEvent(tx, audit({}));
      return inserted;
    });
    if (!row) throw new Error("The verification insert returned no row.");
    return presentVerification(row, now, { questions, attemptsRemaining: limit.attemptsRemaining });
  }

  const channel = verifiedChannel(input.method === "otp_sms" ? "sms" : "email", account);
  if ("refused" in channel) throw new ApiError("conflict", channel.refused);
  const codes = await codeLimit(db, accountId, now, accountCaps(deps).wrongCodesPerDay);
  if (codes.lockedUntil) throw codesLockedError(codes.lockedUntil, now);
  const code = (deps.oneTimeCode ?? newOneTimeCode)();
  const [codeHash] = await Promise.all([
    hashSecret(code),
    sendUnderCap(deps, "code", accountId, now, () =>
      deliver(deps, channel, codeMessage(code), { accountId, verificationId: id }),
    ),
  ]);
  const row = await db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(verifications)
      .values({
        ...base,
        codeHash,
        codeSentAt: now,
        codeExpiresAt: new Date(now.getTime() + VERIFICATION_POLICY.codeTtlMs),
        codeAttemptsRemaining: VERIFICATION_POLICY.codeAttempts,
        codesSent: 1,
        deliveredTo: channel.masked,
      })
      .returning();
    await appendAuditEvent(tx, audit({ channel: channel.channel, deliveredTo: channel.masked }));
    return inserted;
  });
  if (!row) throw new Error("The verification insert returned no row.");
  return presentVerification(row, now, { attemptsRemaining: VERIFICATION_POLICY.codeAttempts });
}
