import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { check, index, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

/**
 * Something a supervisor should look at: an owner's report, an agent acting unusually fast or
 * failing many verifications, a notice that could not be delivered. Raised in the transaction of
 * its cause; open until a supervisor acknowledges it with a note. `detail` is plain words with no
 * secret and no full address or number.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ALERT_KINDS }).notNull(),
    severity: text("severity", { enum: ALERT_SEVERITIES }).notNull(),
    accountId: text("account_id").references(() => accounts.id),
    /** The agent an activity alert is about. */
    staffId: text("staff_id").references(() => staff.id),
    detail: text("detail").notNull(),
    raisedAt: instant("raised_at").notNull(),
    status: text("status", { enum: ALERT_STATUSES }).notNull(),
    acknowledgedBy: text("acknowledged_by").references(() => staff.id),
    acknowledgedAt: instant("acknowledged_at"),
    note: text("note"),
  },
  (t) => [
    check("alerts_status_check", sql`${t.status} in ('open', 'acknowledged')`),
    check(
      "alerts_kind_check",
      sql`${t.kind} in ('recovery_reported', 'agent_velocity', 'agent_failures', 'notice_undeliverable')`,
    ),
    check("alerts_severity_check", sql`${t.severity} in ('medium', 'high')`),
    check(
      "alerts_acknowledged_check",
      sql`(${t.status} = 'open') = (${t.acknowledgedAt} is null and ${t.acknowledgedBy} is null and ${t.note} is null)`,
    ),
    index().on(t.status, t.raisedAt),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;
