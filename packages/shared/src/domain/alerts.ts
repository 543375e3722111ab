/** Supervisor alerts: what can raise one, how serious it is, and the words the console shows for it. */

export const ALERT_KINDS = ["recovery_reported", "agent_velocity", "agent_failures", "notice_undeliverable"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ["medium", "high"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ["open", "acknowledged"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Each kind in plain words, and how serious it is. */
export const ALERT_KIND_WORDS: Record<AlertKind, { label: string; severity: AlertSeverity }> = {
  recovery_reported: { label: "Owner reported an action", severity: "high" },
  agent_velocity: { label: "Many recovery actions by one agent", severity: "medium" },
  agent_failures: { label: "Many failed verifications by one agent", severity: "medium" },
  notice_undeliverable: { label: "Notice could not be delivered", severity: "medium" },
};

/** An agent's activity in an hour that raises an alert when passed (`ALERT_AGENT_ACTIONS_PER_HOUR`, `ALERT_AGENT_FAILURES_PER_HOUR`). */
export const DEFAULT_ALERT_THRESHOLDS = { recoveryActionsPerHour: 20, failedVerificationsPerHour: 10 };

/** A recovery action's name in an alert's detail ("the unlock of case …"). */
const ACTION_NAMES: Record<string, string> = {
  "account.unlocked": "unlock",
  "account.reactivated": "reactivation",
  "account.temporary_password_issued": "temporary password",
  "account.username_reminder_sent": "username reminder",
  "merge.completed": "merge",
  "merge.undone": "undoing of a merge",
};
const actionName = (action: string) => ACTION_NAMES[action] ?? "change";
const ofCase = (caseRef: string | null) => (caseRef ? ` of case ${caseRef}` : "");

/** An alert's `detail`: what happened, in plain words, with no secret and no address or number. */
export const ALERT_DETAILS = {
  reported: (action: string, caseRef: string | null) =>
    `The owner reported the ${actionName(action)}${ofCase(caseRef)} as not theirs. The account is held until a supervisor lifts it.`,
  agentVelocity: (username: string, threshold: number) =>
    `${username} took more than ${threshold} recovery actions (unlocks, reactivations, temporary passwords, username reminders) within an hour.`,
  agentFailures: (username: string, threshold: number) =>
    `${username} had more than ${threshold} failed verifications within an hour.`,
  undeliverable: (
    kind: "notice" | "report_confirmation",
    action: string,
    caseRef: string | null,
    channel: "email" | "sms",
    attempts: number,
  ) =>
    `The ${kind === "notice" ? "notice" : "report confirmation"} of the ${actionName(action)}${ofCase(caseRef)} could not be delivered by ${channel === "sms" ? "text message" : "email"} after ${attempts} attempts. The owner may not know of it; reach them another way.`,
} as const;
