import type { AuditEvent, VerificationMethod } from "@recovery-desk/shared";
import { formatDate, formatDateTime, plural } from "../../lib/format.ts";
import { CHANNEL_ROUTE } from "../../lib/recovery-words.ts";
import { METHOD_LABELS, VERIFIED_BY } from "../../lib/verification-words.ts";

/** One history entry in words: what happened, who did it, and the agent's reason and case. */
export type EventWords = { what: string; by: string; note: string | null };

type Details = AuditEvent["details"];

const text = (details: Details, key: string): string | null => {
  const value = details[key];
  return typeof value === "string" && value ? value : null;
};

const count = (details: Details, key: string): number | null => {
  const value = details[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};

const METHODS = Object.keys(METHOD_LABELS) as VerificationMethod[];
const method = (details: Details): VerificationMethod | null => METHODS.find((m) => m === details.method) ?? null;

/** "ava.agent", "lockout policy", "API key “IVR gateway”". */
export function describeActor(actor: AuditEvent["actor"]): string {
  return actor.type === "api_key" ? `API key “${actor.name}”` : actor.name;
}

function locked(details: Details): string {
  const failures = count(details, "failedLogins");
  const kind = text(details, "lockKind") === "hard" ? "hard lock" : "temporary lock";
  return failures === null
    ? `Locked after too many failed sign-ins (${kind})`
    : `Locked after ${plural(failures, "failed sign-in", "failed sign-ins")} (${kind})`;
}

function sentTo(details: Details): string {
  const channel = text(details, "channel");
  const route = channel === "sms" || channel === "email" ? ` ${CHANNEL_ROUTE[channel]}` : "";
  const to = text(details, "deliveredTo");
  return `${route}${to ? ` to ${to}` : ""}`;
}

/** The recovery action an owner's report or a notice is about, as the history says it. */
const RECOVERY_DONE: Record<string, string> = {
  "account.unlocked": "lockout lifted",
  "account.reactivated": "account reactivated",
  "account.temporary_password_issued": "temporary password sent",
  "account.username_reminder_sent": "username reminder sent",
  "merge.completed": "merge completed",
  "merge.undone": "merge undone",
};

/** What an alert on the account is about, as the history says it. */
const ALERT_KINDS: Record<string, string> = {
  recovery_reported: "the owner reported a recovery",
  notice_undeliverable: "a notice to the owner could not be delivered",
  agent_velocity: "a staff member took many recovery actions in an hour",
  agent_failures: "a staff member had many failed verifications in an hour",
};

function reported(details: Details): string {
  const action = RECOVERY_DONE[text(details, "reportedAction") ?? ""];
  const what = `Owner reported a recovery they did not ask for${action ? ` (${action})` : ""}`;
  if (details.frozen === true) return `${what}; account held`;
  const status = text(details, "accountStatus");
  return status && details.frozen === false ? `${what}; the account is ${status}, so it was not held` : what;
}

function undeliverable(details: Details): string {
  const what = text(details, "kind") === "report_confirmation" ? "Report confirmation" : "Notice to the owner";
  const attempts = count(details, "attempts");
  return `${what}${sentTo(details)} could not be delivered${attempts ? ` after ${plural(attempts, "attempt", "attempts")}` : ""}`;
}

/** What happened, as a sentence without the actor. Unknown actions fall back to their name. */
function describeWhat(event: AuditEvent): string {
  const { details } = event;
  const how = method(details);
  switch (event.action) {
    case "account.locked":
      return locked(details);
    case "account.unlocked":
      if (text(details, "liftedReason") === "reported_by_owner")
        return "Hold lifted (the owner had reported a recovery)";
      return event.actor.type === "system" && text(details, "lockEndedAt") ? "Temporary lock ended" : "Lockout lifted";
    case "account.deactivated": {
      const last = text(details, "lastActivityAt");
      return last ? `Deactivated for inactivity (last activity ${formatDate(last)})` : "Deactivated for inactivity";
    }
    case "account.reactivated":
      return "Reactivated";
    case "account.temporary_password_issued":
      return `Temporary password sent${sentTo(details)}`;
    case "account.temporary_password_used":
      return "Temporary password used to sign in";
    case "account.username_reminder_sent":
      return `Username reminder sent${sentTo(details)}`;
    case "account.viewed_unmasked":
      return "Unmasked view";
    case "account.recovery_reported":
      return reported(details);
    case "notice.undeliverable":
      return undeliverable(details);
    case "verification.started":
      if (how === "security_questions") return "Verification started with security questions";
      return how
        ? `Verification code sent${sentTo({ ...details, channel: how === "otp_sms" ? "sms" : "email" })}`
        : "Verification started";
    case "verification.succeeded":
      return how ? `Verified ${VERIFIED_BY[how]}` : "Verified";
    case "verification.failed":
      return how ? `Verification failed (${METHOD_LABELS[how].toLowerCase()})` : "Verification failed";
    case "verification.locked": {
      const until = text(details, "lockedUntil");
      const what =
        how === "otp_sms" || how === "otp_email"
          ? "Codes locked after too many wrong codes"
          : "Security questions locked after too many failed attempts";
      return `${what}${until ? ` until ${formatDateTime(until)}` : ""}`;
    }
    case "alert.raised":
      return `Supervisors alerted: ${ALERT_KINDS[text(details, "kind") ?? ""] ?? "an alert"}`;
    case "alert.acknowledged":
      return "Alert acknowledged by a supervisor";
    case "merge.requested":
      return "Merge proposed";
    case "merge.approved":
      return "Merge approved";
    case "merge.rejected":
      return "Merge rejected";
    case "merge.completed":
      return "Merge completed";
    case "merge.undone":
      return "Merge undone";
    default:
      return `Recorded: ${event.action}`;
  }
}

/**
 * An audit event in the words an agent reads, e.g. "Lockout lifted" by "ava.agent" with the note
 * "reason “Caller verified …”, case CASE-1". Reasons written by the system only repeat what the
 * entry already says, so only people's and integrations' reasons are shown.
 */
export function describeEvent(event: AuditEvent): EventWords {
  const notes: string[] = [];
  if (event.reason && event.action === "account.recovery_reported") {
    notes.push(`the owner's note “${event.reason}”`);
  } else if (event.reason && event.actor.type !== "system" && event.action !== "account.locked") {
    notes.push(`reason “${event.reason}”`);
  }
  if (event.caseRef) notes.push(`case ${event.caseRef}`);
  return { what: describeWhat(event), by: describeActor(event.actor), note: notes.length ? notes.join(", ") : null };
}
