import { type DecisionRequest, MERGE_POLICY, type Merge, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq, getTableColumns, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type AuditEventInput, appendAuditEvents } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { type AccountRow, type AddressRow, accounts, addresses, merges } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { refuseIfFrozen } from "../recovery/frozen.ts";
import { changeAccount, LOCK_CLEARED, type MoveColumns } from "../recovery/transition.ts";
import { lockAccountsInOrder } from "./lock.ts";
import { mergeChanges, type SurvivorColumns } from "./plan.ts";
import { getMerge } from "./present.ts";
import { thaw } from "./snapshot.ts";

/** The survivor's columns a merge may set, in the groups undo puts back or keeps as one. */
const SURVIVOR_GROUPS: [string, (keyof SurvivorColumns)[]][] = [
  ["email", ["email", "emailVerified"]],
  ["phone", ["phone", "phoneVerified"]],
  ["last activity", ["lastActivityAt"]],
];

/** An account's columns in the words the audit trail uses for what changed since a merge. */
const FIELD_WORDS: [string, (keyof AccountRow)[]][] = [
  ["username", ["username"]],
  ["name", ["firstName", "lastName", "displayName", "nameSearch"]],
  ["status", ["status", "statusReason", "lockKind", "lockedAt", "lockedUntil", "deactivatedAt", "mergedInto"]],
  ["failed logins", ["failedLoginCount", "failedLoginWindowStartedAt"]],
  ["temporary password", ["temporaryPasswordHash", "temporaryPasswordExpiresAt", "mustChangePassword"]],
  ...SURVIVOR_GROUPS,
];

const same = (a: unknown, b: unknown) =>
  (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);

/** Whether two rows of a table hold the same values in every column but `except`. */
function sameRow<T extends PgTable>(table: T, a: object, b: object, except: string[] = []): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(getTableColumns(table))
    .filter((column) => !except.includes(column))
    .every((column) => same(left[column] ?? null, right[column] ?? null));
}

/** The fields (in words) where two versions of an account differ; `updatedAt` does not count. */
function changedFields(a: AccountRow, b: AccountRow): string[] {
  return FIELD_WORDS.filter(([, columns]) => columns.some((c) => !same(a[c], b[c]))).map(([word]) => word);
}

const describeAddress = (a: AddressRow) =>
  [a.line1, a.line2, `${a.city} ${a.state} ${a.zip5}`].filter(Boolean).join(", ");

/**
 * Undoes a completed merge within 30 days, putting back only what the merge itself changed:
 *
 * - The merged accounts come back (through the state machine's `unmerge`) to the status, lock and
 *   failed-login count they had before; each is its own `merge.undone` event with `from`/`to`.
 *   Refused (409 `conflict`) unless each is still merged into the survivor.
 * - Addresses the merge moved to the survivor go back to their accounts. Refused (409 `conflict`,
 *   naming the address) when one was changed or removed since.
 * - On the survivor, a contact channel the merge filled in (email, phone) and the latest activity it
 *   took over go back to the survivor's own values, each only while it still holds what the merge
 *   set; a newer value is kept. Everything else on the survivor (status and lock, failed logins,
 *   temporary password, names) was never the merge's and is left as it is now. Refused (409
 *   `conflict`) when the survivor has been merged into another account or closed since, and (409
 *   `invalid_transition`) while it is frozen on its owner's report.
 * - One `merge.undone` event on the survivor says what was restored, which addresses moved back,
 *   and which fields changed since the merge and were kept (`keptSinceMerge`).
 *
 * A row that ends exactly as the snapshot holds it gets its old `updatedAt` too. Every check runs
 * before any write, and everything happens in one transaction: a refusal changes nothing.
 */
export async function undoMerge(scope: StaffScope, id: string, input: DecisionRequest): Promise<Merge> {
  const { deps, staff: supervisor, origin } = scope;
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [merge] = await tx.select().from(merges).where(eq(merges.id, id)).for("update");
    if (!merge) throw notFound("The merge");
    if (merge.status !== "completed" || !merge.completedAt || !merge.snapshot) {
      throw new ApiError("conflict", PROBLEM_DETAILS.undoOnlyCompleted(merge.status));
    }
    const completedAt = merge.completedAt;
    const deadline = new Date(completedAt.getTime() + MERGE_POLICY.undoWindowMs);
    if (now > deadline) {
      throw new ApiError("conflict", PROBLEM_DETAILS.undoTooLate(deadline));
    }
    const involved = [merge.survivorId, ...merge.mergedIds].sort();
    const current = new Map((await lockAccountsInOrder(tx, involved)).map((r) => [r.id, r]));
    for (const mergedId of merge.mergedIds) {
      const row = current.get(mergedId);
      if (row?.status !== "merged" || row.mergedInto !== merge.survivorId) {
        throw new ApiError(
          "conflict",
          "An account of this merge has changed since; it cannot be undone automatically.",
        );
      }
    }
    const survivorNow = current.get(merge.survivorId);
    // In the snapshot's order, which is the order the merge worked in.
    const before = merge.snapshot.accounts.map((r) => thaw(accounts, r) as AccountRow);
    const survivorBefore = before.find((r) => r.id === merge.survivorId);
    const othersBefore = before.filter((r) => r.id !== merge.survivorId);
    if (!survivorNow || !survivorBefore) throw new ApiError("conflict", "An account of this merge no longer exists.");
    if (survivorNow.status === "merged" || survivorNow.status === "closed") {
      throw new ApiError(
        "conflict",
        survivorNow.status === "merged"
          ? `The surviving account ${survivorNow.username} has been merged into another account since; undo that merge first.`
          : `The surviving account ${survivorNow.username} has been closed since; this merge cannot be undone.`,
      );
    }
    // An owner reported a recovery: the accounts stay as they are until a supervisor lifts the lock on a code.
    refuseIfFrozen(survivorNow);

    const changes = mergeChanges(
      survivorBefore,
      othersBefore,
      merge.snapshot.addresses.map((a) => thaw(addresses, a) as AddressRow),
    );
    const movedIds = changes.movedAddresses.map((a) => a.id);
    const movedNow = movedIds.length
      ? await tx.select().from(addresses).where(inArray(addresses.id, movedIds)).orderBy(addresses.id).for("update")
      : [];
    for (const address of changes.movedAddresses) {
      const asMerged = { ...address, accountId: merge.survivorId, kind: "mailing", updatedAt: completedAt };
      const row = movedNow.find((a) => a.id === address.id);
      if (!row || !sameRow(addresses, row, asMerged)) {
        throw new ApiError(
          "conflict",
          `The address ${describeAddress(address)} that this merge moved to ${survivorNow.username} has ${row ? "changed" : "been removed"} since; the merge cannot be undone automatically.`,
        );
      }
    }

    // The survivor: only what the merge set and nobody changed since goes back.
    const restore: SurvivorColumns = {};
    const restored: string[] = [];
    for (const [word, columns] of SURVIVOR_GROUPS) {
      const set = columns.filter((c) => c in changes.survivor);
      if (set.length === 0) continue;
      const asMerged = set.every((c) => same(survivorNow[c], changes.survivor[c]));
      if (!asMerged || set.every((c) => same(survivorNow[c], survivorBefore[c]))) continue;
      Object.assign(restore, Object.fromEntries(set.map((c) => [c, survivorBefore[c]])));
      restored.push(word);
    }
    const survivorAfter = { ...survivorNow, ...restore } as AccountRow;
    const survivorExact = sameRow(accounts, survivorAfter, survivorBefore, ["updatedAt"]);
    if (restored.length > 0 || (survivorExact && !same(survivorNow.updatedAt, survivorBefore.updatedAt))) {
      await tx
        .update(accounts)
        .set({ ...restore, updatedAt: survivorExact ? survivorBefore.updatedAt : now })
        .where(eq(accounts.id, merge.survivorId));
    }

    for (const address of changes.movedAddresses) {
      const { id: addressId, ...columns } = address;
      await tx.update(addresses).set(columns).where(eq(addresses.id, addressId));
    }

    // Every account the merge touched is told, once at each distinct verified address, the survivor first.
    const told = new Set<string>();
    const tell = (account: AccountRow) =>
      queueNotices(tx, {
        kind: "notice",
        account,
        action: "merge.undone",
        caseRef: merge.caseRef,
        at: now,
        publicUrl: deps.config.publicUrl,
        told,
      });
    const survivorNotified = await tell(survivorAfter);

    const actor = actorOf(supervisor);
    const events: AuditEventInput[] = [];
    for (const other of othersBefore) {
      // The columns the merge set on a merged account besides its state: the lock it cleared and the link.
      const columns = Object.fromEntries(
        [...Object.keys(LOCK_CLEARED), "mergedInto"].map((c) => [c, other[c as keyof AccountRow]]),
      ) as MoveColumns;
      const state = { status: other.status, statusReason: other.statusReason, lockKind: other.lockKind };
      const exact = sameRow(accounts, { ...current.get(other.id), ...columns, ...state }, other, ["updatedAt"]);
      const { updated, event } = await changeAccount(
        tx,
        other.id,
        { kind: "unmerge", restore: state },
        {
          at: now,
          actor,
          action: "merge.undone",
          origin,
          caseRef: merge.caseRef,
          reason: input.reason,
          details: { mergeId: id, survivorId: merge.survivorId },
        },
        { ...columns, updatedAt: exact ? other.updatedAt : now },
      );
      const notified = await tell(updated);
      events.push({ ...event, details: { ...event.details, ...noticeDetails(notified) } });
    }
    events.push({
      at: now,
      actor,
      action: "merge.undone",
      origin,
      accountId: merge.survivorId,
      caseRef: merge.caseRef,
      reason: input.reason,
      details: {
        mergeId: id,
        survivorId: merge.survivorId,
        mergedIds: merge.mergedIds,
        restored,
        movedBackAddressIds: movedIds,
        keptSinceMerge: changedFields(survivorAfter, survivorBefore),
        ...noticeDetails(survivorNotified),
      },
    });
    await tx
      .update(merges)
      .set({ status: "undone", undoneBy: supervisor.id, undoneAt: now, undoReason: input.reason })
      .where(eq(merges.id, id));
    await appendAuditEvents(tx, events);
  });
  deps.noticesQueued?.();
  return getMerge(deps.database.db, id);
}
