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
