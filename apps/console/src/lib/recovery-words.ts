import { type AccountDetail, type Evidence, RECOVERY_POLICY } from "@recovery-desk/shared";
import { plural } from "./format.ts";
import { isHeldByOwner } from "./hold-words.ts";
import type { DeliveryChannel, RecoveryKind } from "./recovery-options.ts";
import { verifiedBy } from "./verification-words.ts";

/** The words on each action's button and confirm button. */
export const ACTION_LABELS: Record<RecoveryKind, string> = {
  unlock: "Lift lockout",
  reactivate: "Reactivate",
  temporary_password: "Send temporary password",
  username_reminder: "Send username reminder",
};

/** "by text", "by email": how something was sent. */
export const CHANNEL_ROUTE: Record<DeliveryChannel, string> = { sms: "by text", email: "by email" };

/** "Maria Lopez's", "James'". */
export function possessive(name: string): string {
  return name.endsWith("s") ? `${name}'` : `${name}'s`;
}

/** The confirm dialog's question, e.g. "Lift Maria Lopez's lockout?". */
export function actionQuestion(kind: RecoveryKind, name: string): string {
  switch (kind) {
    case "unlock":
      return `Lift ${possessive(name)} lockout?`;
    case "reactivate":
      return `Reactivate ${possessive(name)} account?`;
    case "temporary_password":
      return `Send ${name} a temporary password?`;
    case "username_reminder":
      return `Send ${name} a username reminder?`;
  }
}

const DONE_AT_REQUEST: Record<RecoveryKind, string> = {
  unlock: "lockout lifted",
  reactivate: "account reactivated",
  temporary_password: "temporary password sent",
  username_reminder: "username reminder sent",
};

/** The reason the dialog starts with, e.g. "Caller verified by security questions; lockout lifted at caller's request." */
export function suggestedReason(kind: RecoveryKind, evidence: readonly Evidence[] | null): string {
  const done = `${DONE_AT_REQUEST[kind]} at caller's request.`;
  if (!evidence?.length) return `${done.charAt(0).toUpperCase()}${done.slice(1)}`;
  return `Caller verified ${verifiedBy(evidence)}; ${done}`;
}

const PASSWORD_HOURS = RECOVERY_POLICY.temporaryPasswordTtlMs / 3_600_000;

type Facts = Pick<AccountDetail, "displayName" | "status" | "statusReason" | "lock">;

/** What confirming will do, in the words the agent can read to the caller. */
export function actionOutcome(kind: RecoveryKind, account: Facts, delivery?: { channel: DeliveryChannel; to: string }) {
  const name = account.displayName;
  switch (kind) {
    case "unlock": {
      if (isHeldByOwner(account)) {
        return `${name} can sign in again at once with the current password. The hold the owner asked for is lifted, and the owner is told.`;
      }
      const lock = account.lock?.kind === "temporary" ? "temporary lock" : "lock";
      const failures = account.lock
        ? ` and the ${plural(account.lock.failedLogins, "failed sign-in", "failed sign-ins")}`
        : "";
      return `${name} can sign in again at once with the current password. The ${lock}${failures} are cleared.`;
    }
    case "reactivate":
      return `${possessive(name)} account becomes active again, and the customer can sign in with the current password.`;
    case "temporary_password": {
      const where = delivery ? ` ${CHANNEL_ROUTE[delivery.channel]} to ${delivery.to}` : "";
      const unlocks = account.status === "locked" ? " It also lifts the lockout." : "";
      return `A new random password goes${where}. It works for ${PASSWORD_HOURS} hours, and the customer must choose a new password at the next sign-in. Nobody at the desk ever sees it.${unlocks}`;
    }
    case "username_reminder":
      return `An email with the username goes to ${delivery?.to ?? "the verified email address"}.`;
  }
}

/** Hours from now until `iso`, rounded: "24". */
function hoursUntil(iso: string, now: number): number {
  return Math.max(1, Math.round((Date.parse(iso) - now) / 3_600_000));
}

/** The success toast, e.g. "Temporary password sent by text to •••-•••-0178. It works for 24 hours." */
export function successMessage(
  kind: RecoveryKind,
  name: string,
  receipt?: { channel: DeliveryChannel; deliveredTo: string; expiresAt: string | null },
  now = Date.now(),
): string {
  switch (kind) {
    case "unlock":
      return `Lockout lifted for ${name}.`;
    case "reactivate":
      return `Account reactivated for ${name}.`;
    case "temporary_password": {
      const where = receipt ? ` ${CHANNEL_ROUTE[receipt.channel]} to ${receipt.deliveredTo}` : "";
      const works = receipt?.expiresAt ? ` It works for ${hoursUntil(receipt.expiresAt, now)} hours.` : "";
      return `Temporary password sent${where}.${works}`;
    }
    case "username_reminder":
      return `Username reminder sent by email to ${receipt?.deliveredTo ?? "the verified email address"}.`;
  }
}

/** The failure toast's title when the answer comes after the dialog was closed. */
export function failureTitle(kind: RecoveryKind, name: string): string {
  switch (kind) {
    case "unlock":
      return `Lockout not lifted for ${name}`;
    case "reactivate":
      return `Account not reactivated for ${name}`;
    case "temporary_password":
      return `Temporary password not sent to ${name}`;
    case "username_reminder":
      return `Username reminder not sent to ${name}`;
  }
}

/** Why an account its owner reported offers nothing but lifting the hold. */
export const HELD_LINE = "The owner reported a recovery they did not ask for, so the account is held.";

/**
 * The line above the actions: what the account's state calls for, or that nothing blocks sign-in. On
 * an account its owner reported, `kind` is "unlock" only for a role that may lift the hold.
 */
export function nextStepLine(
  account: Pick<AccountDetail, "status" | "statusReason" | "lock">,
  kind: RecoveryKind | null,
): string {
  if (isHeldByOwner(account)) {
    return kind === "unlock"
      ? `${HELD_LINE} Lift the hold only once the caller is verified with a code by text message or email.`
      : HELD_LINE;
  }
  if (kind === "unlock") {
    return account.lock?.kind === "temporary"
      ? "The account is locked for now. Lifting the lockout lets the customer sign in at once."
      : "The account has a hard lock. Only lifting it lets the customer sign in again.";
  }
  if (kind === "reactivate") {
    return "The account was deactivated for inactivity. Reactivating it lets the customer sign in again.";
  }
  return "Nothing is blocking sign-in. If the caller forgot the password or the username, send it.";
}
