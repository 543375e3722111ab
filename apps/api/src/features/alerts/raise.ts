import { ALERT_DETAILS, ALERT_KIND_WORDS, type AlertKind, DEFAULT_ALERT_THRESHOLDS } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { type Actor, appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import type { StaffScope } from "../../auth/scope.ts";
import type { Tx } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { alerts } from "../../db/schema/index.ts";
import { HOUR } from "../../lib/clock.ts";
import { newId } from "../../lib/ids.ts";
import { hitUpsert } from "../../lib/rate-limit.ts";

/** The audit trail's name for what raises alerts. */
export const ALERT_RAISER: Actor = { type: "system", id: null, name: "supervisor alerts" };

export interface AlertInput {
  kind: AlertKind;
  accountId?: string | null;
  staffId?: string | null;
  detail: string;
  at: Date;
  origin: RequestOrigin;
}

/**
 * Raises an alert in the caller's transaction, so it exists exactly when its cause commits, and
 * records `alert.raised`. The detail is plain words the caller built from `ALERT_DETAILS`.
 */
export async function raiseAlert(tx: Tx, input: AlertInput): Promise<void> {
  const id = newId("alert");
  const { severity } = ALERT_KIND_WORDS[input.kind];
  await tx.insert(alerts).values({
    id,
    kind: input.kind,
    severity,
    accountId: input.accountId ?? null,
    staffId: input.staffId ?? null,
    detail: input.detail,
    raisedAt: input.at,
    status: "open",
  });
  await appendAuditEvent(tx, {
    at: input.at,
    actor: ALERT_RAISER,
    action: "alert.raised",
    origin: input.origin,
    accountId: input.accountId ?? null,
    reason: input.detail,
    details: { alertId: id, kind: input.kind, severity, ...(input.staffId ? { staffId: input.staffId } : {}) },
  });
}

/** The owner's report of an action: an alert on the account it froze (or recorded on). */
export function raiseReportAlert(
  tx: Tx,
  report: { accountId: string; action: string; caseRef: string | null; at: Date; origin: RequestOrigin },
): Promise<void> {
  return raiseAlert(tx, {
    kind: "recovery_reported",
    accountId: report.accountId,
    detail: ALERT_DETAILS.reported(report.action, report.caseRef),
    at: report.at,
    origin: report.origin,
  });
}

/** A notice the deliverer gave up on (its claimed row): an alert on its account. */
export function raiseUndeliverableAlert(
  tx: Tx,
  notice: {
    account_id: string;
    kind: "notice" | "report_confirmation";
    action: string;
    case_ref: string | null;
    channel: "email" | "sms";
  },
  attempts: number,
  at: Date,
): Promise<void> {
  return raiseAlert(tx, {
    kind: "notice_undeliverable",
    accountId: notice.account_id,
    detail: ALERT_DETAILS.undeliverable(notice.kind, notice.action, notice.case_ref, notice.channel, attempts),
    at,
    origin: { requestId: null, ip: null },
  });
}

/** What an agent's activity alert counts: recovery actions, or failed verifications. */
export type AgentActivity = "recovery_action" | "failed_verification";

const ACTIVITY_ALERT = {
  recovery_action: { kind: "agent_velocity", threshold: "recoveryActionsPerHour", detail: ALERT_DETAILS.agentVelocity },
  failed_verification: {
    kind: "agent_failures",
    threshold: "failedVerificationsPerHour",
    detail: ALERT_DETAILS.agentFailures,
  },
} as const;

/**
 * Counts one recovery action or failed verification of the acting agent, in the caller's
 * transaction, in an hour-long window that starts with the agent's first one; the one that takes
 * the count past the threshold (`AppConfig.alertThresholds`) raises the alert. One atomic upsert on
 * the agent's counter, so of many at once exactly one sees the count pass, and the agent gets one
 * alert a window however far past it they go. A rolled-back action is not counted.
 */
export async function countAgentActivity(scope: StaffScope, tx: Tx, activity: AgentActivity, at: Date): Promise<void> {
  const { kind, threshold: setting, detail } = ACTIVITY_ALERT[activity];
  const threshold = (scope.deps.config.alertThresholds ?? DEFAULT_ALERT_THRESHOLDS)[setting];
  const [row] = await queryRows<{ count: number | string }>(
    tx,
    hitUpsert(sql`select ${`alert:${activity}:${scope.staff.id}`}::text`, at, HOUR),
  );
  if (Number(row?.count) !== threshold + 1) return;
  await raiseAlert(tx, {
    kind,
    staffId: scope.staff.id,
    detail: detail(scope.staff.username, threshold),
    at,
    origin: scope.origin,
  });
}
