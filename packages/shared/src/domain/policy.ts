/** The numbers of the product's policies, in one place for the API and the console. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const VERIFICATION_POLICY = {
  /** A success opens a window this long for that agent, account and case. */
  windowMs: 15 * MINUTE,
  /** A one-time code works this long after it is sent. */
  codeTtlMs: 10 * MINUTE,
  /** Tries on one code. */
  codeAttempts: 5,
  /** A new code can be sent this long after the previous one. */
  resendAfterMs: 60_000,
  /** New codes for one verification, after the first. */
  maxResends: 5,
  /** Failed question attempts for one account within `questionFailureWindowMs` that block questions… */
  questionFailureLimit: 3,
  questionFailureWindowMs: 24 * HOUR,
  /** …for this long. */
  questionLockMs: 24 * HOUR,
  /** A verification nobody finishes lapses after this long. */
  pendingTtlMs: 30 * MINUTE,
} as const;

export const RECOVERY_POLICY = {
  /** A temporary password works this long. */
  temporaryPasswordTtlMs: 24 * HOUR,
  /** Characters in a temporary password. */
  temporaryPasswordLength: 16,
  /** Idempotency keys are kept this long. */
  idempotencyKeyTtlMs: 24 * HOUR,
} as const;

/** The lockout policy for failed logins reported by the login service. */
export const LOCKOUT_POLICY = {
  /** Failures within `windowMs` that lock the account… */
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  /** …for this long (it unlocks by itself). */
  lockMs: 30 * MINUTE,
  /** The temporary lock that turns hard when it is this one within `hardLockWindowMs`. */
  hardLockAfterTemporaryLocks: 3,
  hardLockWindowMs: 24 * HOUR,
} as const;

/** Accounts with no activity for this long are deactivated by the sweep. */
export const INACTIVITY_POLICY = {
  inactiveDays: 3 * 365,
} as const;

export const MERGE_POLICY = {
  /** Accounts merged into one survivor at once. */
  maxMerged: 3,
  /** A completed merge can be undone for this long. */
  undoWindowMs: 30 * 24 * HOUR,
} as const;
