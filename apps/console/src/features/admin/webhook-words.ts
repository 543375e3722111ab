import type { WebhookDeliveryStatus, WebhookEvent } from "@recovery-desk/shared";
import type { BadgeTone } from "../../ui/badge.tsx";

/** What each webhook event tells the receiver, in one line. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  "account.locked": "an account was locked (failed logins or a hard lock)",
  "account.unlocked": "a lockout was lifted, by staff or when it ran out",
  "account.reactivated": "a deactivated account was reactivated",
  "account.temporary_password_issued": "a temporary password was sent (never the password itself)",
  "account.merged": "an account was merged into another",
  "account.unmerged": "a merge was undone",
  "account.recovery_reported": "the owner reported a recovery they did not ask for",
};

/** A delivery's status in words, with the badge tone that shows it. */
export const DELIVERY_STATUS: Record<WebhookDeliveryStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting", tone: "warning" },
  delivered: { label: "Delivered", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};
