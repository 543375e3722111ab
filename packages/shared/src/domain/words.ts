/** Domain words both sides of the API agree on: statuses, roles, audit action names. */

export const ACCOUNT_STATUSES = ["active", "locked", "deactivated", "merged", "closed"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Why an account is in its status; null for `active`. */
export const STATUS_REASONS = [
  "failed_logins",
  "inactivity",
  "merged",
  "closed_by_request",
  /** The owner answered a notice with "this wasn't me": frozen until a supervisor lifts it after a code. */
  "reported_by_owner",
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

export const LOCK_KINDS = ["temporary", "hard"] as const;
export type LockKind = (typeof LOCK_KINDS)[number];

export const ROLES = ["agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** True when `held` is at least `needed` in the order agent < supervisor < admin. */
export function roleAtLeast(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

export const VERIFICATION_METHODS = ["security_questions", "otp_sms", "otp_email"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** What an API key may do. */
export const API_SCOPES = ["login-events:write", "accounts:read", "accounts:write", "audit:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const ACTOR_TYPES = ["staff", "api_key", "system"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const AUDIT_ACTIONS = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "account.viewed_unmasked",
  "account.created",
  "account.updated",
  "verification.started",
  "verification.succeeded",
  "verification.failed",
  "verification.locked",
  "account.locked",
  "account.unlocked",
  "account.deactivated",
  "account.reactivated",
  "account.temporary_password_issued",
  "account.temporary_password_used",
  "account.username_reminder_sent",
  "account.recovery_reported",
  "notice.undeliverable",
  "merge.requested",
  "merge.approved",
  "merge.rejected",
  "merge.completed",
  "merge.undone",
  "staff.created",
  "staff.updated",
  "api_key.created",
  "api_key.revoked",
  "webhook.created",
  "webhook.deleted",
  "alert.raised",
  "alert.acknowledged",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What a message to a customer is: a secret sent at once (code, temporary password, reminder) or a notice queued with an action. */
export const MESSAGE_KINDS = [
  "code",
  "temporary_password",
  "username_reminder",
  "notice",
  "report_confirmation",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What an outgoing webhook can subscribe to (Standard Webhooks event types). */
export const WEBHOOK_EVENTS = [
  "account.locked",
  "account.unlocked",
  "account.reactivated",
  "account.temporary_password_issued",
  "account.merged",
  "account.unmerged",
  "account.recovery_reported",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const ERROR_CODES = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  verification_required: 403,
  verification_insufficient: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  verification_failed: 422,
  verification_locked: 423,
  rate_limited: 429,
  internal: 500,
  delivery_failed: 502,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;
