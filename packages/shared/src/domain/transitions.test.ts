import { describe, expect, it } from "vitest";
import { type AccountMove, type AccountState, planMove } from "./transitions.ts";

const active: AccountState = { status: "active", statusReason: null, lockKind: null };
const hardLocked: AccountState = { status: "locked", statusReason: "failed_logins", lockKind: "hard" };
const tempLocked: AccountState = { status: "locked", statusReason: "failed_logins", lockKind: "temporary" };
const inactive: AccountState = { status: "deactivated", statusReason: "inactivity", lockKind: null };
const merged: AccountState = { status: "merged", statusReason: "merged", lockKind: null };
const closed: AccountState = { status: "closed", statusReason: "closed_by_request", lockKind: null };
const frozen: AccountState = { status: "locked", statusReason: "reported_by_owner", lockKind: "hard" };

describe("the account state machine", () => {
  it.each<[string, AccountState, AccountMove, AccountState]>([
    ["locks an active account", active, { kind: "lock", lockKind: "temporary" }, tempLocked],
    ["turns a temporary lock hard", tempLocked, { kind: "lock", lockKind: "hard" }, hardLocked],
    ["lifts a hard lock", hardLocked, { kind: "unlock" }, active],
    ["lifts a temporary lock", tempLocked, { kind: "unlock" }, active],
    ["deactivates an active account", active, { kind: "deactivate" }, inactive],
    ["reactivates an account deactivated for inactivity", inactive, { kind: "reactivate" }, active],
    ["merges an active account", active, { kind: "merge", into: "acc_b" }, merged],
    ["merges a locked account", hardLocked, { kind: "merge", into: "acc_b" }, merged],
    ["restores a merged account as it was", merged, { kind: "unmerge", restore: hardLocked }, hardLocked],
    ["freezes an active account on the owner's report", active, { kind: "freeze" }, frozen],
    ["freezes a locked account on the owner's report", tempLocked, { kind: "freeze" }, frozen],
    ["freezes a deactivated account on the owner's report", inactive, { kind: "freeze" }, frozen],
    ["lifts a freeze", frozen, { kind: "unlock" }, active],
  ])("%s", (_label, from, move, to) => {
    expect(planMove(from, move)).toEqual({ ok: true, next: to });
  });

  it.each<[string, AccountState, AccountMove, RegExp]>([
    ["unlocking an active account", active, { kind: "unlock" }, /not locked/],
    ["unlocking a merged account", merged, { kind: "unlock" }, /merged account cannot be unlocked/],
    ["unlocking a closed account", closed, { kind: "unlock" }, /closed/],
    ["reactivating an active account", active, { kind: "reactivate" }, /already active/],
    ["reactivating a locked account", hardLocked, { kind: "reactivate" }, /locked account cannot be reactivated/],
    ["reactivating a closed account", closed, { kind: "reactivate" }, /closed/],
    ["locking a locked account again", hardLocked, { kind: "lock", lockKind: "hard" }, /already locked/],
    ["locking a deactivated account", inactive, { kind: "lock", lockKind: "temporary" }, /deactivated/],
    ["deactivating a locked account", hardLocked, { kind: "deactivate" }, /locked/],
    ["merging a merged account", merged, { kind: "merge", into: "acc_b" }, /already merged/],
    ["merging a closed account", closed, { kind: "merge", into: "acc_b" }, /closed/],
    ["restoring an account that is not merged", active, { kind: "unmerge", restore: active }, /Only a merged/],
    ["freezing a frozen account again", frozen, { kind: "freeze" }, /already frozen/],
    ["freezing a merged account", merged, { kind: "freeze" }, /merged account cannot be frozen/],
    ["freezing a closed account", closed, { kind: "freeze" }, /closed account cannot be frozen/],
    ["locking a frozen account for failed logins", frozen, { kind: "lock", lockKind: "temporary" }, /already locked/],
  ])("refuses %s", (_label, from, move, reason) => {
    const plan = planMove(from, move);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.reason).toMatch(reason);
  });
});
