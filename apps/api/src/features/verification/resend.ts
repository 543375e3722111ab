import { PROBLEM_DETAILS, VERIFICATION_POLICY, type Verification } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { accounts, verifications } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import { accountCaps, sendUnderCap } from "../../lib/account-caps.ts";
import { deliver, verifiedChannel } from "../../notify/deliver.ts";
import { hashSecret } from "../../security/hashing.ts";
import { codesLockedError } from "./code-check.ts";
import { codeMessage, newOneTimeCode } from "./codes.ts";
import { assertPending, loadOwnVerification } from "./load.ts";
import { presentVerification } from "./present.ts";
import { codeLimit, secondsUntil } from "./question-limit.ts";

/**
 * Sends a new code that replaces the old one (no sooner than 60 seconds after it), with 5 new tries;
 * not while codes are locked for the account (423), nor past its daily code cap (429).
 */
export async function resendCode(scope: StaffScope, verificationId: string): Promise<Verification> {
  const { deps, staff: principal, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const verification = await loadOwnVerification(db, principal, verificationId);
  if (verification.method === "security_questions") throw new ApiError("conflict", PROBLEM_DETAILS.questionsHaveNoCode);
  assertPending(verification, now);
  if (verification.codesSent > VERIFICATION_POLICY.maxResends) {
    throw new ApiError("conflict", PROBLEM_DETAILS.noMoreCodes);
  }
  const resendAt = new Date((verification.codeSentAt?.getTime() ?? 0) + VERIFICATION_POLICY.resendAfterMs);
  if (resendAt > now) {
    throw new ApiError("rate_limited", PROBLEM_DETAILS.resendTooSoon, {
      retryAfter: secondsUntil(resendAt, now),
    });
  }
  const [account] = await db.select().from(accounts).where(eq(accounts.id, verification.accountId));
  if (!account) throw new ApiError("conflict", PROBLEM_DETAILS.accountGone);
  const channel = verifiedChannel(verification.method === "otp_sms" ? "sms" : "email", account);
  if ("refused" in channel) throw new ApiError("conflict", channel.refused);
  const codes = await codeLimit(db, account.id, now, accountCaps(deps).wrongCodesPerDay);
  if (codes.lockedUntil) throw codesLockedError(codes.lockedUntil, now);

  const code = (deps.oneTimeCode ?? newOneTimeCode)();
  const [codeHash] = await Promise.all([
    hashSecret(code),
    sendUnderCap(deps, "code", account.id, now, () =>
      deliver(deps, channel, codeMessage(code), { accountId: account.id, verificationId }),
    ),
  ]);
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(verifications)
      .set({
        codeHash,
        codeSentAt: now,
        codeExpiresAt: new Date(now.getTime() + VERIFICATION_POLICY.codeTtlMs),
        codeAttemptsRemaining: VERIFICATION_POLICY.codeAttempts,
        codesSent: verification.codesSent + 1,
        deliveredTo: channel.masked,
      })
      .where(eq(verifications.id, verificationId))
      .returning();
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(principal),
      action: "verification.started",
      origin,
      accountId: account.id,
      caseRef: verification.caseRef,
      details: {
        verificationId,
        method: verification.method,
        channel: channel.channel,
        deliveredTo: channel.masked,
        resend: true,
      },
    });
    return updated;
  });
  if (!row) throw new Error("The verification update returned no row.");
  return presentVerification(row, now, { attemptsRemaining: VERIFICATION_POLICY.codeAttempts });
}
