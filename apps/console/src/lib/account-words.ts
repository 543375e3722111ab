import type { AccountStatus, Lock, Role, StatusReason } from "@recovery-desk/shared";
import { formatDate, formatDateTime } from "./format.ts";

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: "Active",
  locked: "Locked",
  deactivated: "Deactivated",
  merged: "Merged",
  closed: "Closed",
};

export const ROLE_LABELS: Record<Role, string> = {
  agent: "Agent",
  supervisor: "Supervisor",
  admin: "Admin",
};

type StatusFacts = {
  status: AccountStatus;
  statusReason: StatusReason | null;
  lock: Lock | null;
  lastActivityAt: string | null;
};

/**
 * The account's state in one sentence an agent can read to the caller, e.g.
 * "Locked — too many failed sign-ins (hard lock: only a recovery lifts it)".
 */
export function describeStatus({ status, statusReason, lock, lastActivityAt }: StatusFacts): string {
  switch (status) {
    case "active":
      return "Active — the customer can sign in";
    case "locked": {
      const why = statusReason === "failed_logins" || lock ? "too many failed sign-ins" : "sign-in is blocked";
      if (lock?.kind === "hard") return `Locked — ${why} (hard lock: only a recovery lifts it)`;
      if (lock?.lockedUntil) return `Locked — ${why} (unlocks by itself at ${formatDateTime(lock.lockedUntil)})`;
      return `Locked — ${why}`;
    }
    case "deactivated":
      if (statusReason === "inactivity" && lastActivityAt) {
        return `Deactivated — no activity since ${formatDate(lastActivityAt)}`;
      }
      return statusReason === "inactivity" ? "Deactivated — no activity for a long time" : "Deactivated";
    case "merged":
      return "Merged — this account was joined into another one";
    case "closed":
      return statusReason === "closed_by_request" ? "Closed — at the customer's request" : "Closed";
  }
}

export function describeLockKind(lock: Lock): string {
  return lock.kind === "hard" ? "Hard lock — stays until a recovery lifts it" : "Temporary lock — ends by itself";
}
