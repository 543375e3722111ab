import type { ActorType, AuditAction } from "@recovery-desk/shared";
import { isApiProblem } from "../../api/problem.ts";

/** Every audit action in the words a supervisor reads out to an auditor. */
export const ACTION_LABELS: Record<AuditAction, string> = {
  "auth.login": "Signed in",
  "auth.login_failed": "Sign-in failed",
  "auth.logout": "Signed out",
  "account.viewed_unmasked": "Viewed contact data unmasked",
  "account.created": "Account created by the system of record",
  "account.updated": "Account updated by the system of record",
  "verification.started": "Verification started",
  "verification.succeeded": "Caller verified",
  "verification.failed": "Verification failed",
  "verification.locked": "Question verification locked",
  "account.locked": "Account locked",
  "account.unlocked": "Account unlocked",
  "account.deactivated": "Account deactivated",
  "account.reactivated": "Account reactivated",
  "account.temporary_password_issued": "Temporary password sent",
  "account.temporary_password_used": "Temporary password used",
  "account.username_reminder_sent": "Username reminder sent",
  "account.recovery_reported": "Owner reported a recovery they did not ask for",
  "notice.undeliverable": "Notice to the owner could not be delivered",
  "merge.requested": "Merge proposed",
  "merge.approved": "Merge approved",
  "merge.rejected": "Merge rejected",
  "merge.completed": "Merge completed",
  "merge.undone": "Merge undone",
  "staff.created": "Staff account created",
  "staff.updated": "Staff account changed",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "webhook.created": "Webhook added",
  "webhook.deleted": "Webhook deleted",
  "alert.raised": "Alert raised for supervisors",
  "alert.acknowledged": "Alert acknowledged",
};

/** The action select groups actions by what they touch. */
export const ACTION_GROUPS: Array<{ label: string; prefixes: string[] }> = [
  { label: "Sign-in", prefixes: ["auth."] },
  { label: "Verification", prefixes: ["verification."] },
  { label: "Accounts", prefixes: ["account."] },
  { label: "Merges", prefixes: ["merge."] },
  { label: "Notices", prefixes: ["notice."] },
  { label: "Alerts", prefixes: ["alert."] },
  { label: "Administration", prefixes: ["staff.", "api_key.", "webhook."] },
];

/** "Account unlocked"; an action the console does not know yet keeps its own name. */
export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
}

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = {
  staff: "Staff",
  api_key: "API key",
  system: "System",
};

const localDateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "medium" });

/** "Nov 20, 2026, 9:30:05 AM" in the supervisor's own time zone. */
export function formatEventTime(iso: string): string {
  return localDateTime.format(new Date(iso));
}

/** "2026-11-20 15:30:05.123 UTC": the exact stored time, for titles and the event drawer. */
export function formatUtc(iso: string): string {
  return `${iso.replace("T", " ").replace("Z", "")} UTC`;
}

const numberFormat = new Intl.NumberFormat("en-US");

/** "12,345". */
export function formatCount(count: number): string {
  return numberFormat.format(count);
}

/** "12,345 events", "1 event". */
export function events(count: number): string {
  return `${formatCount(count)} ${count === 1 ? "event" : "events"}`;
}

/** "9f2c41d0…e81a": enough of a hash to compare by eye; the full value is one copy away. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash;
}

/**
 * What to say when the API refused the `actor` or `account` filter because it names no one: null for
 * any other failure. The supervisor reads it where the events would be, not as an error.
 */
export function unknownNameNote(
  error: unknown,
  filters: { actor?: string | undefined; account?: string | undefined },
): { note: string; hint: string } | null {
  if (!isApiProblem(error) || error.code !== "validation_failed") return null;
  const paths = new Set(error.errors.map((problem) => problem.path));
  if (paths.has("query.actor") && filters.actor) {
    return {
      note: `No staff member or API key named “${filters.actor}”.`,
      hint: "Check the spelling, or type the id (it starts with stf_ for staff, key_ for an API key).",
    };
  }
  if (paths.has("query.account") && filters.account) {
    return {
      note: `No account named “${filters.account}”.`,
      hint: "Check the spelling, or type the account's id (it starts with acc_).",
    };
  }
  return null;
}
