import type { Alert } from "@recovery-desk/shared";

/**
 * Each kind of alert in plain words. Written out here, checked by the compiler against the contract,
 * so the alerts page does not carry the shared package's words for the API.
 */
export const ALERT_KIND_LABELS: Record<Alert["kind"], string> = {
  recovery_reported: "Owner reported an action",
  agent_velocity: "Many recovery actions by one agent",
  agent_failures: "Many failed verifications by one agent",
  notice_undeliverable: "Notice could not be delivered",
};

export const ALERT_SEVERITY_LABELS: Record<Alert["severity"], string> = { high: "High", medium: "Medium" };

export const ALERT_STATUS_TABS = [
  { status: "open", label: "Open" },
  { status: "acknowledged", label: "Acknowledged" },
] as const;

export const ACKNOWLEDGE_WORDS = {
  label: "Acknowledge",
  question: "Acknowledge this alert?",
  outcome:
    "It leaves the open alerts. Say what you did about it: the note is kept with the alert and in the audit trail.",
  done: "Alert acknowledged.",
  already: "Already acknowledged",
};
