import { ACTOR_TYPES } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { bigint, check, index, jsonb, pgTable, smallint, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * The append-only audit trail. Each event's hash covers its canonical content and the previous
 * event's hash, so any change to a stored event breaks the chain from there on.
 * The database refuses UPDATE, DELETE and TRUNCATE on this table.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    /** Position in the chain: 1, 2, 3 … without gaps. */
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    id: text("id").notNull().unique(),
    occurredAt: instant("occurred_at").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    /** Staff id or API key id; null for the system and for a sign-in with an unknown username. */
    actorId: text("actor_id"),
    /** The actor's name at the time (staff username, key name, or the job's name). */
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    accountId: text("account_id"),
    caseRef: text("case_ref"),
    reason: text("reason"),
    requestId: text("request_id"),
    ip: text("ip"),
    /** Action-specific facts. Never a secret. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    check("audit_events_actor_type_check", sql`${t.actorType} in ('staff', 'api_key', 'system')`),
    index("audit_events_account_idx").on(t.accountId, t.seq),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_action_idx").on(t.action, t.seq),
    index("audit_events_case_idx").on(t.caseRef, t.seq),
    index("audit_events_occurred_idx").on(t.occurredAt),
    /** The actions an account's risk reads (features/accounts/risk.ts), by account and time. */
    index("audit_events_risk_idx")
      .on(t.accountId, t.occurredAt)
      .where(
        sql`action in ('account.unlocked', 'account.reactivated', 'account.temporary_password_issued', 'account.username_reminder_sent', 'account.recovery_reported', 'verification.failed', 'verification.started')`,
      ),
  ],
);

/** One row: the last event of the chain. Appends lock it, so concurrent writers never fork the chain. */
export const auditChainHead = pgTable(
  "audit_chain_head",
  {
    id: smallint("id").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    hash: text("hash").notNull(),
    /** The last event's time: a new event is never dated before it, so time order is chain order. */
    occurredAt: instant("occurred_at"),
  },
  (t) => [check("audit_chain_head_single_row", sql`${t.id} = 1`)],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
