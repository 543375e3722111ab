import { type DecisionRequest, MERGE_POLICY, type Merge } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import { accounts, addresses, merges } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { actorOf, type StaffPrincipal } from "../../http/context.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { lockAccountsInOrder } from "./lock.ts";
import { getMerge } from "./present.ts";
import { thaw } from "./snapshot.ts";

/**
 * Undoes a completed merge within 30 days: every row the merge changed is put back exactly as
 * the snapshot holds it, and the merged accounts are open again. Refused when the merged
 * accounts were changed since (they must still be merged into the survivor).
 */
export async function undoMerge(
  deps: AppDeps,
  supervisor: StaffPrincipal,
  id: string,
  input: DecisionRequest,
  origin: RequestOrigin,
): Promise<Merge> {
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [merge] = await tx.select().from(merges).where(eq(merges.id, id)).for("update");
    if (!merge) throw notFound("The merge");
    if (merge.status !== "completed" || !merge.completedAt || !merge.snapshot) {
      throw new ApiError(
        "conflict",
        `Only a completed merge can be undone; this one is ${merge.status.replace("_", " ")}.`,
      );
    }
    const deadline = new Date(merge.completedAt.getTime() + MERGE_POLICY.undoWindowMs);
    if (now > deadline) {
      throw new ApiError(
        "conflict",
        `A merge can be undone for 30 days; this one could be undone until ${deadline.toISOString().slice(0, 10)}.`,
      );
    }
    const involved = [merge.survivorId, ...merge.mergedIds].sort();
    const rows = await lockAccountsInOrder(tx, involved);
    for (const mergedId of merge.mergedIds) {
      const row = rows.find((r) => r.id === mergedId);
      if (row?.status !== "merged" || row.mergedInto !== merge.survivorId) {
        throw new ApiError(
          "conflict",
          "An account of this merge has changed since; it cannot be undone automatically.",
        );
      }
    }

    for (const snapshot of merge.snapshot.addresses) {
      const { id: addressId, ...columns } = thaw(addresses, snapshot);
      await tx
        .update(addresses)
        .set(columns)
        .where(eq(addresses.id, addressId as string));
    }
    // Merged accounts first: the survivor's row is restored last, after nothing points into it.
    const ordered = [...merge.snapshot.accounts].sort(
      (a, b) => Number(a.id === merge.survivorId) - Number(b.id === merge.survivorId),
    );
    const actor = actorOf(supervisor);
    for (const snapshot of ordered) {
      const { id: accountId, ...columns } = thaw(accounts, snapshot);
      await tx
        .update(accounts)
        .set(columns)
        .where(eq(accounts.id, accountId as string));
      await appendAuditEvent(tx, {
        at: now,
        actor,
        action: "merge.undone",
        origin,
        accountId: accountId as string,
        caseRef: merge.caseRef,
        reason: input.reason,
        details: { mergeId: id, survivorId: merge.survivorId, restoredStatus: snapshot.status },
      });
    }
    await tx
      .update(merges)
      .set({ status: "undone", undoneBy: supervisor.id, undoneAt: now, undoReason: input.reason })
      .where(eq(merges.id, id));
  });
  return getMerge(deps.database.db, id);
}
