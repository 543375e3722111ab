import { type AccountSummary, type ListedMerge, MERGE_POLICY, type Merge } from "@recovery-desk/shared";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { type MergeRow, merges, staff } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import { homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "../accounts/summary.ts";

const requester = alias(staff, "requester");
const decider = alias(staff, "decider");
const undoer = alias(staff, "undoer");

function present(
  row: MergeRow,
  names: { requestedBy: string | null; decidedBy: string | null; undoneBy: string | null },
): Merge {
  return {
    id: row.id,
    status: row.status,
    survivorId: row.survivorId,
    mergedIds: row.mergedIds,
    reason: row.reason,
    caseRef: row.caseRef,
    requestedBy: names.requestedBy ?? "unknown",
    requestedAt: row.requestedAt.toISOString(),
    decidedBy: names.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    completedAt: row.completedAt?.toISOString() ?? null,
    undoneBy: names.undoneBy,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoAvailableUntil:
      row.status === "completed" && row.completedAt
        ? new Date(row.completedAt.getTime() + MERGE_POLICY.undoWindowMs).toISOString()
        : null,
  };
}

function selectMerges(db: Executor) {
  return db
    .select({ merge: merges, requestedBy: requester.username, decidedBy: decider.username, undoneBy: undoer.username })
    .from(merges)
    .leftJoin(requester, eq(requester.id, merges.requestedBy))
    .leftJoin(decider, eq(decider.id, merges.decidedBy))
    .leftJoin(undoer, eq(undoer.id, merges.undoneBy));
}

export async function getMerge(db: Executor, id: string): Promise<Merge> {
  const [row] = await selectMerges(db).where(eq(merges.id, id));
  if (!row) throw notFound("The merge");
  return present(row.merge, row);
}

/**
 * Merges newest first, optionally of one status, paged by keyset on (request time, id), each with its
 * accounts' summaries as they are now: one more read for the whole page, by primary key.
 */
export async function listMerges(
  db: Executor,
  query: { status?: MergeRow["status"] | undefined; limit: number; after?: { at: string; id: string } | null },
  now: Date,
): Promise<{ items: ListedMerge[]; more: boolean }> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(merges.status, query.status));
  if (query.after)
    conditions.push(sql`(${merges.requestedAt}, ${merges.id}) < (${query.after.at}::timestamptz, ${query.after.id})`);
  const rows = await selectMerges(db)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(merges.requestedAt), desc(merges.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit).map((r) => present(r.merge, r));
  const summaries = await summariesOf(
    db,
    page.flatMap((merge) => [merge.survivorId, ...merge.mergedIds]),
    now,
  );
  // Accounts are never deleted, so every account of a merge is there; one missing is a fault to
  // report, not a merge to leave out of the list.
  const summaryOf = (merge: Merge, id: string) => {
    const summary = summaries.get(id);
    if (!summary) throw new Error(`Merge ${merge.id} names account ${id}, which is not in the database.`);
    return summary;
  };
  const items = page.map((merge) => ({
    ...merge,
    survivor: summaryOf(merge, merge.survivorId),
    merged: merge.mergedIds.map((id) => summaryOf(merge, id)),
  }));
  return { items, more: rows.length > query.limit };
}

async function summariesOf(db: Executor, ids: string[], now: Date): Promise<Map<string, AccountSummary>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await queryRows<SummaryRow>(
    db,
    sql`select ${summarySelect} from accounts a ${homeAddressJoin} where a.id in ${wanted}`,
  );
  return new Map(rows.map((row) => [row.id, toSummary(row, now)]));
}
