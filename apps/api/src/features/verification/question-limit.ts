import { VERIFICATION_POLICY, type VerificationMethod } from "@recovery-desk/shared";
import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { type AuditEventInput, appendAuditEvent } from "../../audit/append.ts";
import type { Executor, Tx } from "../../db/client.ts";
import { verificationFailures } from "../../db/schema/index.ts";

export interface QuestionLimit {
  /** Failed attempts left in the current 24 hours. */
  attemptsRemaining: number;
  /** While set and in the future, this way of verifying the account is blocked. */
  lockedUntil: Date | null;
}

/** Failures of `methods` within `windowMs` that block them for `lockMs` from the last one. */
interface FailureRule {
  methods: readonly VerificationMethod[];
  limit: number;
  windowMs: number;
  lockMs: number;
}

const { questionFailureLimit, questionFailureWindowMs, questionLockMs } = VERIFICATION_POLICY;

const CODE_METHODS = ["otp_sms", "otp_email"] as const satisfies readonly VerificationMethod[];

/**
 * Where an account stands against the question limit, counted across all agents: three failures
 * within 24 hours block questions for 24 hours from the third.
 */
export function questionLimit(db: Executor, accountId: string, now: Date): Promise<QuestionLimit> {
  return failureLimit(db, accountId, now, {
    methods: ["security_questions"],
    limit: questionFailureLimit,
    windowMs: questionFailureWindowMs,
    lockMs: questionLockMs,
  });
}

/**
 * Where an account stands against the wrong-code limit, counted across all agents and all
 * verifications, by text message and email together: `limit` wrong codes within 24 hours block
 * codes for 24 hours from the last of them.
 */
export function codeLimit(db: Executor, accountId: string, now: Date, limit: number): Promise<QuestionLimit> {
  return failureLimit(db, accountId, now, {
    methods: CODE_METHODS,
    limit,
    windowMs: questionFailureWindowMs,
    lockMs: questionLockMs,
  });
}

/** Whether a method is one of the code methods the wrong-code limit counts together. */
export function isCodeMethod(method: VerificationMethod): boolean {
  return (CODE_METHODS as readonly VerificationMethod[]).includes(method);
}

async function failureLimit(db: Executor, accountId: string, now: Date, rule: FailureRule): Promise<QuestionLimit> {
  const since = new Date(now.getTime() - rule.windowMs - rule.lockMs);
  const rows = await db
    .select({ failedAt: verificationFailures.failedAt })
    .from(verificationFailures)
    .where(
      and(
        eq(verificationFailures.accountId, accountId),
        inArray(verificationFailures.method, [...rule.methods]),
        gt(verificationFailures.failedAt, since),
      ),
    )
    .orderBy(asc(verificationFailures.failedAt));
  const times = rows.map((r) => r.failedAt.getTime());

  let lockedUntil: number | null = null;
  for (let i = rule.limit - 1; i < times.length; i++) {
    const first = times[i - (rule.limit - 1)] as number;
    const last = times[i] as number;
    if (last - first <= rule.windowMs) lockedUntil = Math.max(lockedUntil ?? 0, last + rule.lockMs);
  }
  const recent = times.filter((t) => t > now.getTime() - rule.windowMs).length;
  const locked = lockedUntil !== null && lockedUntil > now.getTime();
  return {
    attemptsRemaining: locked ? 0 : Math.max(0, rule.limit - recent),
    lockedUntil: locked && lockedUntil !== null ? new Date(lockedUntil) : null,
  };
}

export function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 1000));
}

/**
 * Records `verification.locked`: the attempt that locked a way of verifying the account, or with
 * `attemptRefused` an attempt refused because it is locked.
 */
export async function auditLock(
  tx: Tx,
  audit: Omit<AuditEventInput, "action" | "details">,
  verification: { id: string; method: VerificationMethod },
  lockedUntil: Date,
  attemptRefused = false,
): Promise<void> {
  await appendAuditEvent(tx, {
    ...audit,
    action: "verification.locked",
    details: {
      verificationId: verification.id,
      method: verification.method,
      lockedUntil: lockedUntil.toISOString(),
      ...(attemptRefused ? { attemptRefused } : {}),
    },
  });
}
