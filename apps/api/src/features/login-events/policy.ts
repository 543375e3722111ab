import { LOCKOUT_POLICY, type LockKind } from "@recovery-desk/shared";

/** What the lockout policy decides for one failed login of an active account. */
export type FailureDecision =
  | { kind: "count"; failures: number; windowStartedAt: Date }
  | { kind: "lock"; lockKind: LockKind; failures: number; windowStartedAt: Date; lockedUntil: Date | null };

/**
 * Counts a failed login: failures start a 15-minute window; the fifth in the window locks the
 * account for 30 minutes; the third such lock within 24 hours is a hard lock instead.
 */
export function decideFailure(
  state: { failures: number; windowStartedAt: Date | null; temporaryLocksInLastDay: number },
  at: Date,
): FailureDecision {
  const inWindow =
    state.windowStartedAt !== null && at.getTime() - state.windowStartedAt.getTime() < LOCKOUT_POLICY.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  const windowStartedAt = inWindow && state.windowStartedAt ? state.windowStartedAt : at;
  if (failures < LOCKOUT_POLICY.maxFailures) return { kind: "count", failures, windowStartedAt };
  const hard = state.temporaryLocksInLastDay + 1 >= LOCKOUT_POLICY.hardLockAfterTemporaryLocks;
  return {
    kind: "lock",
    lockKind: hard ? "hard" : "temporary",
    failures,
    windowStartedAt,
    lockedUntil: hard ? null : new Date(at.getTime() + LOCKOUT_POLICY.lockMs),
  };
}
