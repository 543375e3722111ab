import { MERGE_STATUSES } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { check, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

/** What a merge touched, exactly as it was before, so an undo can put it back. */
export interface MergeSnapshot {
  accounts: Record<string, unknown>[];
  addresses: Record<string, unknown>[];
}

/**
 * A proposal to fold up to three duplicate accounts into a survivor. An agent proposes, a
 * different supervisor approves (which executes it) or rejects; a supervisor can undo it within
 * 30 days.
 */
export const merges = pgTable(
  "merges",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: MERGE_STATUSES }).notNull(),
    survivorId: text("survivor_id")
      .notNull()
      .references(() => accounts.id),
    mergedIds: jsonb("merged_ids").$type<string[]>().notNull(),
    reason: text("reason").notNull(),
    caseRef: text("case_ref"),
    requestedBy: text("requested_by")
      .notNull()
      .references(() => staff.id),
    requestedAt: instant("requested_at").notNull(),
    decidedBy: text("decided_by").references(() => staff.id),
    decidedAt: instant("decided_at"),
    decisionReason: text("decision_reason"),
    completedAt: instant("completed_at"),
    /** Every row the merge changed, as it was before; kept until the merge can no longer be undone. */
    snapshot: jsonb("snapshot").$type<MergeSnapshot>(),
    undoneBy: text("undone_by").references(() => staff.id),
    undoneAt: instant("undone_at"),
    undoReason: text("undo_reason"),
  },
  (t) => [
    check("merges_status_check", sql`${t.status} in ('pending_approval', 'completed', 'rejected', 'undone')`),
    index().on(t.status, t.requestedAt),
    index().on(t.survivorId),
  ],
);

export type MergeRow = typeof merges.$inferSelect;
