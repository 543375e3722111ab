import { type AcknowledgeAlertRequest, type Alert, type AlertStatus, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { and, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import type { Executor } from "../../db/client.ts";
import { type AlertRow, accounts, alerts, staff } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";

const agent = alias(staff, "agent");
const acknowledger = alias(staff, "acknowledger");

interface Names {
  accountUsername: string | null;
  staffUsername: string | null;
  acknowledgedBy: string | null;
}

function present(row: AlertRow, names: Names): Alert {
  return {
    id: row.id,
    kind: row.kind,
    severity: row.severity,
    accountId: row.accountId,
    accountUsername: names.accountUsername,
    staffId: row.staffId,
    staffUsername: names.staffUsername,
    detail: row.detail,
    raisedAt: row.raisedAt.toISOString(),
    status: row.status,
    acknowledgedBy: names.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    note: row.note,
  };
}

function selectAlerts(db: Executor) {
  return db
    .select({
      alert: alerts,
      accountUsername: accounts.username,
      staffUsername: agent.username,
      acknowledgedBy: acknowledger.username,
    })
    .from(alerts)
    .leftJoin(accounts, eq(accounts.id, alerts.accountId))
    .leftJoin(agent, eq(agent.id, alerts.staffId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy));
}

/** Alerts newest first, optionally of one status, paged by keyset on (raise time, id), with the number open in all. */
export async function listAlerts(
  db: Executor,
  query: { status?: AlertStatus | undefined; limit: number; after?: { at: string; id: string } | null },
): Promise<{ items: Alert[]; more: boolean; open: number }> {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(alerts.status, query.status));
  if (query.after)
    conditions.push(sql`(${alerts.raisedAt}, ${alerts.id}) < (${query.after.at}::timestamptz, ${query.after.id})`);
  const [rows, [open]] = await Promise.all([
    selectAlerts(db)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(alerts.raisedAt), desc(alerts.id))
      .limit(query.limit + 1),
    db.select({ n: count() }).from(alerts).where(eq(alerts.status, "open")),
  ]);
  return {
    items: rows.slice(0, query.limit).map((r) => present(r.alert, r)),
    more: rows.length > query.limit,
    open: open?.n ?? 0,
  };
}

/**
 * A supervisor acknowledges an open alert with a note, recorded as `alert.acknowledged` in the same
 * transaction. The row is locked first, so of two supervisors at once one acknowledges and the
 * other is told who did (409 `conflict`).
 */
export async function acknowledgeAlert(scope: StaffScope, id: string, input: AcknowledgeAlertRequest): Promise<Alert> {
  const { deps, staff: supervisor, origin } = scope;
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const [found] = await selectAlerts(tx).where(eq(alerts.id, id)).for("update", { of: alerts });
    if (!found) throw notFound("The alert");
    const current = found.alert;
    if (current.status !== "open") {
      // A row locked after another supervisor's acknowledgement committed is read anew, the join not.
      const [by] = await tx
        .select({ username: staff.username })
        .from(staff)
        .where(eq(staff.id, current.acknowledgedBy ?? ""));
      throw new ApiError(
        "conflict",
        PROBLEM_DETAILS.alertAcknowledgedAlready(by?.username ?? "another supervisor", current.acknowledgedAt ?? now),
      );
    }
    const [updated] = await tx
      .update(alerts)
      .set({ status: "acknowledged", acknowledgedBy: supervisor.id, acknowledgedAt: now, note: input.note })
      .where(eq(alerts.id, id))
      .returning();
    if (!updated) throw notFound("The alert");
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(supervisor),
      action: "alert.acknowledged",
      origin,
      accountId: current.accountId,
      reason: input.note,
      details: { alertId: id, kind: current.kind, ...(current.staffId ? { staffId: current.staffId } : {}) },
    });
    return present(updated, { ...found, acknowledgedBy: supervisor.username });
  });
}
