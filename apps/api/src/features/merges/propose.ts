import type { Merge, ProposeMergeRequest } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { and, eq, inArray } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { addresses, merges } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { refuseIfFrozen } from "../recovery/frozen.ts";
import { requireWindow } from "../recovery/window-guard.ts";
import { lockAccountsInOrder, pendingMergeOf } from "./lock.ts";
import { getMerge } from "./present.ts";

/**
 * An agent, with the survivor's owner verified on the call, proposes folding 1–3 duplicate
 * accounts into the survivor. Every account must be open, at the survivor's normalised address,
 * and in no other pending merge. A supervisor decides.
 */
export async function proposeMerge(scope: StaffScope, input: ProposeMergeRequest): Promise<Merge> {
  const { deps, staff: agent, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const mergedIds = [...new Set(input.mergedIds)];
  if (mergedIds.length !== input.mergedIds.length || mergedIds.includes(input.survivorId)) {
    throw new ApiError("validation_failed", "List each account to merge once, and not the survivor.", {
      errors: [{ path: "json.mergedIds", message: "Distinct accounts other than the survivor." }],
    });
  }
  const id = newId("merge");
  await db.transaction(async (tx) => {
    const window = await requireWindow(tx, scope, input.survivorId, now, input.caseRef, "merge");
    const involved = [input.survivorId, ...mergedIds].sort();
    const rows = await lockAccountsInOrder(tx, involved);
    for (const accountId of involved) {
      const row = rows.find((r) => r.id === accountId);
      if (!row) throw notFound(`The account ${accountId}`);
      if (row.status === "merged" || row.status === "closed") {
        throw new ApiError("invalid_transition", `The account ${row.username} is ${row.status} and cannot be merged.`);
      }
      refuseIfFrozen(row);
    }
    const survivorKeys = (
      await tx.select({ key: addresses.addressKey }).from(addresses).where(eq(addresses.accountId, input.survivorId))
    ).map((r) => r.key);
    for (const accountId of mergedIds) {
      const shared = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(
          and(
            eq(addresses.accountId, accountId),
            inArray(addresses.addressKey, survivorKeys.length ? survivorKeys : [""]),
          ),
        )
        .limit(1);
      if (shared.length === 0) {
        const username = rows.find((r) => r.id === accountId)?.username;
        throw new ApiError("conflict", PROBLEM_DETAILS.notAtSurvivorAddress(String(username)));
      }
    }
    const [pending] = await tx.select({ id: merges.id }).from(merges).where(pendingMergeOf(involved)).limit(1);
    if (pending) throw new ApiError("conflict", PROBLEM_DETAILS.inPendingMerge);

    const caseRef = input.caseRef ?? window.caseRef;
    await tx.insert(merges).values({
      id,
      status: "pending_approval",
      survivorId: input.survivorId,
      mergedIds,
      reason: input.reason,
      caseRef,
      requestedBy: agent.id,
      requestedAt: now,
    });
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(agent),
      action: "merge.requested",
      origin,
      accountId: input.survivorId,
      caseRef,
      reason: input.reason,
      details: { mergeId: id, survivorId: input.survivorId, mergedIds },
    });
  });
  return getMerge(db, id);
}
