import type { DecisionRequest, Merge } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq, inArray } from "drizzle-orm";
import { type Actor, type AuditEventInput, appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import { actorOf, type StaffPrincipal } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import type { Tx } from "../../db/client.ts";
import { accounts, addresses, type MergeRow, merges } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { noticeDetails, queueNotices } from "../../notify/notices.ts";
import { LOCK_CLEARED, moveAccount } from "../recovery/transition.ts";
import { lockAccountsInOrder } from "./lock.ts";
import { mergeChanges } from "./plan.ts";
import { getMerge } from "./present.ts";
import { freeze } from "./snapshot.ts";

/** The merge row, locked, which must still wait for a decision by someone other than its proposer. */
async function lockPending(tx: Tx, id: string, supervisor: StaffPrincipal): Promise<MergeRow> {
  const [merge] = await tx.select().from(merges).where(eq(merges.id, id)).for("update");
  if (!merge) throw notFound("The merge");
  if (merge.requestedBy === supervisor.id) throw new ApiError("forbidden", PROBLEM_DETAILS.ownMergeProposal);
  if (merge.status !== "pending_approval") throw new ApiError("conflict", PROBLEM_DETAILS.mergeAlready(merge.status));
  return merge;
}

/** A supervisor rejects a proposed merge; nothing else changes. */
export async function rejectMerge(scope: StaffScope, id: string, input: DecisionRequest): Promise<Merge> {
  const { deps, staff: supervisor, origin } = scope;
  const at = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const merge = await lockPending(tx, id, supervisor);
    await appendAuditEvent(
      tx,
      await recordRejection(tx, merge, { at, actor: actorOf(supervisor), origin, reason: input.reason }),
    );
  });
  return getMerge(deps.database.db, id);
}

/**
 * Marks a pending merge, whose row the caller's transaction holds locked, rejected by `actor` (a
 * supervisor, or the system when the owner of an account in it reports a recovery), and returns
 * the `merge.rejected` event for the caller to append.
 */
export async function recordRejection(
  tx: Tx,
  merge: MergeRow,
  decision: { at: Date; actor: Actor; origin: RequestOrigin; reason: string },
): Promise<AuditEventInput> {
  const { at, actor, origin, reason } = decision;
  await tx
    .update(merges)
    .set({
      status: "rejected",
      decidedBy: actor.type === "staff" ? actor.id : null,
      decidedAt: at,
      decisionReason: reason,
    })
    .where(eq(merges.id, merge.id));
  return {
    at,
    actor,
    action: "merge.rejected",
    origin,
    accountId: merge.survivorId,
    caseRef: merge.caseRef,
    reason,
    details: { mergeId: merge.id, mergedIds: merge.mergedIds },
  };
}

/**
 * A supervisor other than the proposer approves, which executes the merge in this one
 * transaction: the accounts are locked in id order; a snapshot of every row about to change is
 * kept; addresses the survivor does not have yet, missing contact channels and the latest
 * activity move to the survivor; the others become `merged` into it.
 */
export async function approveMerge(scope: StaffScope, id: string, input: DecisionRequest): Promise<Merge> {
  const { deps, staff: supervisor, origin } = scope;
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const merge = await lockPending(tx, id, supervisor);
    const involved = [merge.survivorId, ...merge.mergedIds].sort();
    const rows = await lockAccountsInOrder(tx, involved);
    const survivor = rows.find((r) => r.id === merge.survivorId);
    if (!survivor || rows.length !== involved.length)
      throw new ApiError("conflict", "An account of this merge no longer exists.");
    const blocked = rows.find((r) => r.status === "merged" || r.status === "closed");
    if (blocked)
      throw new ApiError(
        "invalid_transition",
        `The account ${blocked.username} is ${blocked.status}; the merge cannot run.`,
      );
    const addressRows = await tx
      .select()
      .from(addresses)
      .where(inArray(addresses.accountId, involved))
      .orderBy(addresses.id)
      .for("update");

    const actor = actorOf(supervisor);
    await tx
      .update(merges)
      .set({
        status: "completed",
        decidedBy: supervisor.id,
        decidedAt: now,
        decisionReason: input.reason,
        completedAt: now,
        snapshot: { accounts: rows.map(freeze), addresses: addressRows.map(freeze) },
      })
      .where(eq(merges.id, id));
    // Every account the merge touches is told, once at each distinct verified address, the survivor first.
    const told = new Set<string>();
    const tell = (account: (typeof rows)[number]) =>
      queueNotices(tx, {
        kind: "notice",
        account,
        action: "merge.completed",
        caseRef: merge.caseRef,
        at: now,
        publicUrl: deps.config.publicUrl,
        told,
      });
    const survivorNotified = await tell(survivor);
    await appendAuditEvent(tx, {
      at: now,
      actor,
      action: "merge.approved",
      origin,
      accountId: merge.survivorId,
      caseRef: merge.caseRef,
      reason: input.reason,
      details: { mergeId: id, mergedIds: merge.mergedIds, ...noticeDetails(survivorNotified) },
    });

    const others = rows.filter((r) => r.id !== survivor.id);
    const changes = mergeChanges(survivor, others, addressRows);
    const movedAddressIds = changes.movedAddresses.map((a) => a.id);
    for (const address of changes.movedAddresses) {
      await tx
        .update(addresses)
        .set({ accountId: survivor.id, kind: "mailing", updatedAt: now })
        .where(eq(addresses.id, address.id));
    }
    await tx
      .update(accounts)
      .set({ ...changes.survivor, updatedAt: now })
      .where(eq(accounts.id, survivor.id));

    for (const other of others) {
      const notified = await tell(other);
      await moveAccount(
        tx,
        other.id,
        { kind: "merge", into: survivor.id },
        {
          at: now,
          actor,
          action: "merge.completed",
          origin,
          caseRef: merge.caseRef,
          reason: input.reason,
          details: {
            mergeId: id,
            survivorId: survivor.id,
            movedAddressIds: movedAddressIds.filter((a) => addressRows.find((r) => r.id === a)?.accountId === other.id),
            ...noticeDetails(notified),
          },
        },
        { mergedInto: survivor.id, ...LOCK_CLEARED },
      );
    }
  });
  deps.noticesQueued?.();
  return getMerge(deps.database.db, id);
}
