import { VERIFICATION_POLICY } from "@recovery-desk/shared";
import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { verificationFailures } from "../../db/schema/index.ts";

export interface QuestionLimit {
  /** Failed attempts left in the current 24 hours. */
  attemptsRemaining: number;
  /** While set and in the future, question-based verification of the account is blocked. */
  lockedUntil: Date | null;
}

const { questionFailureLimit, questionFailureWindowMs, questionLockMs } = VERIFICATION_POLICY;

/**
 * Where an account stands against the question limit, counted across all agents: three failures
 * within 24 hours block questions for 24 hours from the third.
 */
export async function questionLimit(db: Executor, accountId: string, now: Date): Promise<QuestionLimit> {
  const since = new Date(now.getTime() - questionFailureWindowMs - questionLockMs);
  const rows = await db
    .select({ failedAt: verificationFailures.failedAt })
    .from(verificationFailures)
    .where(
      and(
        eq(verificationFailures.accountId, accountId),
        eq(verificationFailures.method, "security_questions"),
        gt(verificationFailures.failedAt, since),
      ),
    )
    .orderBy(asc(verificationFailures.failedAt));
  const times = rows.map((r) => r.failedAt.getTime());

  let lockedUntil: number | null = null;
  for (let i = questionFailureLimit - 1; i < times.length; i++) {
    const first = times[i - (questionFailureLimit - 1)] as number;
    const last = times[i] as number;
    if (last - first <= questionFailureWindowMs) lockedUntil = Math.max(lockedUntil ?? 0, last + questionLockMs);
  }
  const recent = times.filter((t) => t > now.getTime() - questionFailureWindowMs).length;
  const locked = lockedUntil !== null && lockedUntil > now.getTime();
  return {
    attemptsRemaining: locked ? 0 : Math.max(0, questionFailureLimit - recent),
    lockedUntil: locked && lockedUntil !== null ? new Date(lockedUntil) : null,
  };
}

export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}
