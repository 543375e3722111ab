import type { AccountStatus, LockKind, StatusReason } from "./words.ts";

/** The parts of an account's state that its moves depend on. */
export interface AccountState {
  status: AccountStatus;
  statusReason: StatusReason | null;
  lockKind: LockKind | null;
}

/** Every way an account's state can change. */
export type AccountMove =
  | { kind: "lock"; lockKind: LockKind }
  | { kind: "unlock" }
  /** The owner reported a recovery they did not ask for: the account is held until a supervisor lifts it. */
  | { kind: "freeze" }
  | { kind: "deactivate" }
  | { kind: "reactivate" }
  | { kind: "merge"; into: string }
  | { kind: "unmerge"; restore: AccountState };

export type MovePlan = { ok: true; next: AccountState } | { ok: false; reason: string };

const ACTIVE: AccountState = { status: "active", statusReason: null, lockKind: null };

/**
 * The one table of legal moves. Anything it refuses is an illegal transition with a reason an
 * agent can read ("The account is not locked.").
 */
export function planMove(state: AccountState, move: AccountMove): MovePlan {
  const refuse = (reason: string): MovePlan => ({ ok: false, reason });
  switch (move.kind) {
    case "lock":
      if (state.status === "active")
        return { ok: true, next: { status: "locked", statusReason: "failed_logins", lockKind: move.lockKind } };
      if (state.status === "locked" && state.lockKind === "temporary" && move.lockKind === "hard") {
        return { ok: true, next: { ...state, lockKind: "hard" } };
      }
      return refuse(
        state.status === "locked" ? "The account is already locked." : `A ${state.status} account cannot be locked.`,
      );
    case "unlock":
      if (state.status === "locked") return { ok: true, next: ACTIVE };
      return refuse(
        state.status === "active" ? "The account is not locked." : `A ${state.status} account cannot be unlocked.`,
      );
    case "freeze":
      if (state.status === "locked" && state.statusReason === "reported_by_owner") {
        return refuse("The account is already frozen on the owner's report.");
      }
      if (state.status === "active" || state.status === "locked" || state.status === "deactivated") {
        return { ok: true, next: { status: "locked", statusReason: "reported_by_owner", lockKind: "hard" } };
      }
      return refuse(`A ${state.status} account cannot be frozen.`);
    case "deactivate":
      if (state.status === "active")
        return { ok: true, next: { status: "deactivated", statusReason: "inactivity", lockKind: null } };
      return refuse(`A ${state.status} account cannot be deactivated.`);
    case "reactivate":
      if (state.status === "deactivated" && state.statusReason === "inactivity") return { ok: true, next: ACTIVE };
      return refuse(
        state.status === "active"
          ? "The account is already active."
          : `A ${state.status} account cannot be reactivated.`,
      );
    case "merge":
      if (state.status === "merged") return refuse("The account is already merged.");
      if (state.status === "closed") return refuse("A closed account cannot be merged.");
      return { ok: true, next: { status: "merged", statusReason: "merged", lockKind: null } };
    case "unmerge":
      if (state.status === "merged") return { ok: true, next: move.restore };
      return refuse("Only a merged account can be restored from its merge.");
  }
}
