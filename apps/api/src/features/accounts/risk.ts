import {
  computeRisk,
  DESK_RECOVERY_ACTIONS,
  NO_RISK_FACTS,
  RISK_POLICY,
  type Risk,
  type RiskFacts,
  type RiskPolicy,
  type SimSwapFact,
  type StatusReason,
} from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { notFound } from "../../http/errors.ts";
import { toDate } from "./summary.ts";

/**
 * The audit actions the risk reads. The partial index `audit_events_risk_idx` (migration 0016)
 * covers exactly these, by account and time; the list is written into the statement as
 * literals so the planner can prove the index applies.
 */
export const RISK_AUDIT_ACTIONS = [
  ...DESK_RECOVERY_ACTIONS,
  "account.recovery_reported",
  "verification.failed",
  "verification.started",
] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** The columns `riskJoin` adds to an account's row. */
export interface RiskRow extends Record<string, unknown> {
  email_changed_at: Date | string | null;
  phone_changed_at: Date | string | null;
  risk_reported_at: Date | string | null;
  risk_recovery_action: string | null;
  risk_recovery_at: Date | string | null;
  risk_failures: number | string | null;
  risk_failures_first: Date | string | null;
  risk_codes: number | string | null;
  risk_codes_first: Date | string | null;
}

/** The select list of the risk facts, for an account aliased `a` joined with `riskJoin`. */
export const riskSelect = sql`a.email_changed_at, a.phone_changed_at,
  r.reported_at as risk_reported_at, r.recovery_action as risk_recovery_action, r.recovery_at as risk_recovery_at,
  r.failures as risk_failures, r.failures_first as risk_failures_first, r.codes as risk_codes, r.codes_first as risk_codes_first`;

/**
 * One pass over the account's audit events of the last 30 days (the longest window), through the
 * partial index on (account_id, occurred_at): the latest owner's report, the latest desk
 * recovery, and the failed verifications and codes sent in their windows.
 */
export function riskJoin(now: Date, policy: RiskPolicy = RISK_POLICY): SQL {
  const since = (ms: number) => sql`${new Date(now.getTime() - ms).toISOString()}::timestamptz`;
  const oldest = Math.max(policy.ownerReportMs, policy.recentRecoveryMs, policy.failureWindowMs, policy.codeWindowMs);
  const desk = sql`e.action in (${inList(DESK_RECOVERY_ACTIONS)}) and e.actor_type = 'staff' and e.occurred_at > ${since(policy.recentRecoveryMs)}`;
  const failed = sql`e.action = 'verification.failed' and e.occurred_at > ${since(policy.failureWindowMs)}`;
  const code = sql`e.action = 'verification.started' and e.details->>'method' in ('otp_sms', 'otp_email') and e.occurred_at > ${since(policy.codeWindowMs)}`;
  return sql`cross join lateral (
      select
        max(e.occurred_at) filter (where e.action = 'account.recovery_reported' and e.occurred_at > ${since(policy.ownerReportMs)}) as reported_at,
        (array_agg(e.action order by e.occurred_at desc) filter (where ${desk}))[1] as recovery_action,
        max(e.occurred_at) filter (where ${desk}) as recovery_at,
        count(*) filter (where ${failed}) as failures,
        min(e.occurred_at) filter (where ${failed}) as failures_first,
        count(*) filter (where ${code}) as codes,
        min(e.occurred_at) filter (where ${code}) as codes_first
      from audit_events e
      where e.account_id = a.id and e.action in (${inList(RISK_AUDIT_ACTIONS)}) and e.occurred_at > ${since(oldest)}
    ) r`;
}

/** The risk facts of a row read with `riskSelect` and `riskJoin`. */
export function riskFactsOf(row: RiskRow & { status_reason: StatusReason | null }, simSwap: SimSwapFact): RiskFacts {
  const recoveryAt = toDate(row.risk_recovery_at);
  return {
    ...NO_RISK_FACTS,
    lastRecovery: row.risk_recovery_action && recoveryAt ? { action: row.risk_recovery_action, at: recoveryAt } : null,
    reportedAt: toDate(row.risk_reported_at),
    frozenOnReport: row.status_reason === "reported_by_owner",
    verificationFailures: { count: Number(row.risk_failures ?? 0), firstAt: toDate(row.risk_failures_first) },
    codesSent: { count: Number(row.risk_codes ?? 0), firstAt: toDate(row.risk_codes_first) },
    emailChangedAt: toDate(row.email_changed_at),
    phoneChangedAt: toDate(row.phone_changed_at),
    simSwap,
  };
}

/** What the carrier says, until a SIM-swap adapter answers for the phone on file. */
export const SIM_NOT_CHECKED: SimSwapFact = { status: "not_checked" };

/** The risk of one account on its own (`GET /accounts/:id/risk`): one statement. */
export async function readAccountRisk(
  db: Executor,
  accountId: string,
  now: Date,
  simSwap: SimSwapFact = SIM_NOT_CHECKED,
): Promise<Risk> {
  const [row] = await queryRows<RiskRow & { status_reason: StatusReason | null }>(
    db,
    sql`select a.status_reason, ${riskSelect} from accounts a ${riskJoin(now)} where a.id = ${accountId}`,
  );
  if (!row) throw notFound("The account");
  return computeRisk(riskFactsOf(row, simSwap), now);
}
