import { bigint, boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Every check of the audit chain and what it found. A check that found its whole range intact up
 * to the head is a checkpoint: later checks can start after it, and operators can copy its
 * (sequence, hash) pairs out of the database (they are also written to the log).
 */
export const auditChecks = pgTable(
  "audit_checks",
  {
    id: text("id").primaryKey(),
    /** Order of the checks, for "the last check" when several share a time. */
    n: bigint("n", { mode: "number" }).generatedAlwaysAsIdentity(),
    checkedAt: instant("checked_at").notNull(),
    /** Who ran it: a staff username, an API key name, or `scheduled check`. */
    checkedBy: text("checked_by").notNull(),
    fromSeq: bigint("from_seq", { mode: "number" }).notNull(),
    toSeq: bigint("to_seq", { mode: "number" }).notNull(),
    ok: boolean("ok").notNull(),
    /** Intact from the genesis or from an earlier checkpoint: a trusted point to start later checks from. */
    checkpoint: boolean("checkpoint").notNull(),
    checked: bigint("checked", { mode: "number" }).notNull(),
    firstBadSeq: bigint("first_bad_seq", { mode: "number" }),
    /** For an intact check: the last event checked and its hash. */
    headSeq: bigint("head_seq", { mode: "number" }).notNull(),
    headHash: text("head_hash").notNull(),
  },
  (t) => [index().on(t.checkedAt)],
);
