import type { AuditAction } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { appendAuditEvent } from "../audit/append.ts";
import { queryRows } from "../db/rows.ts";
import type { AppDeps } from "../deps.ts";
import { raiseUndeliverableAlert } from "../features/alerts/raise.ts";
import { DAY } from "../lib/clock.ts";
import { afterAttempt, leaseEnd, type RetryOptions, startPolling } from "../lib/retries.ts";
import { DeliveryError } from "./notifier.ts";

/** How notices are sent and retried: eight attempts, waits of 30 s doubling (with jitter), given up after 32–64 minutes. */
export const NOTICE_SENDING: RetryOptions = {
  batch: 20,
  timeoutMs: 10_000,
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  random: Math.random,
};

/** How often the server looks for due notices when nothing wakes it sooner. */
export const NOTICE_POLL_MS = 2_000;

/** Finished notices (sent or given up) and expired report links are kept this long, then removed. */
export const NOTICE_RETENTION_MS = 30 * DAY;

/** The audit trail's name for the deliverer. */
export const NOTICE_DELIVERER = { type: "system", id: null, name: "notice deliverer" } as const;

interface Claimed extends Record<string, unknown> {
  id: string;
  account_id: string;
  kind: "notice" | "report_confirmation";
  action: AuditAction;
  case_ref: string | null;
  channel: "email" | "sms";
  recipient: string;
  language: string;
  subject: string;
  body: string;
  attempts: number | string;
}

/** Why a send failed, safe to keep and show: the adapter's reason, never the message or the address. */
function reasonOf(error: unknown, channel: "email" | "sms"): string {
  if (error instanceof DeliveryError) return error.reason;
  return `the ${channel === "sms" ? "text message" : "email"} could not be handed over`;
}

/**
 * Sends the notices that are due through the same email and SMS adapters as every message, each
 * claimed under a lease (see `RetryOptions`). A sent notice is `sent` and its body (which holds
 * the report link) is cleared. A failed one is tried again after a growing, jittered wait; after
 * the last attempt it is `failed`, its body cleared, and a `notice.undeliverable` audit event
 * (no address, no text) records it in the same transaction.
 */
export async function sendDueNotices(
  deps: AppDeps,
  options: RetryOptions = NOTICE_SENDING,
): Promise<{ sent: number; retrying: number; failed: number }> {
  const pass = await claimAndSend(deps, options);
  await pass.record();
  return pass.counts;
}

/** What a pass sent; `record` marks the sent notices and throws what went wrong in the pass, if anything. */
interface Pass {
  counts: { sent: number; retrying: number; failed: number };
  record(): Promise<void>;
}

/** Claims the due notices and sends them; the retried and failed ones are recorded at once, the sent ones by `record`. */
async function claimAndSend(deps: AppDeps, options: RetryOptions): Promise<Pass> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const lease = leaseEnd(now, options).toISOString();
  // Every outcome is written only while the notice is still this pass's (pending, under its lease):
  // a send that outlasted the lease may have been taken up and recorded by another deliverer.
  const stillOurs = sql`status = 'pending' and next_attempt_at = ${lease}::timestamptz`;
  const claimed = await queryRows<Claimed>(
    db,
    sql`update notices set next_attempt_at = ${lease}::timestamptz
        where id in (
          select id from notices
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at
          limit ${options.batch}
          for update skip locked
        )
        returning id, account_id, kind, action, case_ref, channel, recipient, language, subject, body, attempts`,
  );
  const counts = { sent: 0, retrying: 0, failed: 0 };
  // The pass's sent notices are recorded together once all its sends are done: one commit for them
  // instead of one each. A sender that dies before that leaves them claimed; they go again after the lease.
  const sent: { id: string; sent_at: string; attempts: number }[] = [];
  const outcomes = await Promise.allSettled(
    claimed.map(async (notice) => {
      let reason: string | null = null;
      try {
        await deps.notifier.send({
          channel: notice.channel,
          kind: notice.kind,
          language: notice.language,
          to: notice.recipient,
          subject: notice.subject,
          text: notice.body,
          accountId: notice.account_id,
        });
      } catch (error) {
        reason = reasonOf(error, notice.channel);
      }
      const attempts = Number(notice.attempts) + 1;
      const at = deps.clock.now();
      const after = afterAttempt(attempts, reason === null, at, options);
      if (after.outcome === "done") {
        counts.sent++;
        sent.push({ id: notice.id, sent_at: at.toISOString(), attempts });
      } else if (after.outcome === "retry") {
        const retried = await queryRows(
          db,
          sql`update notices set attempts = ${attempts}, last_error = ${reason},
                next_attempt_at = ${after.next.toISOString()}::timestamptz
              where id = ${notice.id} and ${stillOurs}
              returning id`,
        );
        if (retried.length > 0) counts.retrying++;
      } else {
        const gaveUp = await db.transaction(async (tx) => {
          const given = await queryRows(
            tx,
            sql`update notices set status = 'failed', body = null, attempts = ${attempts}, last_error = ${reason},
                  next_attempt_at = null
                where id = ${notice.id} and ${stillOurs}
                returning id`,
          );
          if (given.length === 0) return false;
          await appendAuditEvent(tx, {
            at,
            actor: NOTICE_DELIVERER,
            action: "notice.undeliverable",
            origin: { requestId: null, ip: null },
            accountId: notice.account_id,
            caseRef: notice.case_ref,
            reason: `The ${notice.kind === "notice" ? "notice" : "report confirmation"} could not be delivered after ${attempts} attempts.`,
            details: {
              noticeId: notice.id,
              kind: notice.kind,
              channel: notice.channel,
              noticeOf: notice.action,
              attempts,
              lastError: reason,
            },
          });
          await raiseUndeliverableAlert(tx, notice, attempts, at);
          return true;
        });
        if (!gaveUp) return;
        counts.failed++;
        deps.logger.warn(
          { noticeId: notice.id, accountId: notice.account_id, channel: notice.channel, attempts, reason },
          "notice undeliverable",
        );
      }
    }),
  );
  const record = async () => {
    if (sent.length > 0) {
      await db.execute(
        sql`update notices n set status = 'sent', sent_at = s.sent_at, body = null, attempts = s.attempts,
              last_error = null, next_attempt_at = null
            from json_to_recordset(${JSON.stringify(sent)}::json) as s(id text, sent_at timestamptz, attempts integer)
            where n.id = s.id and ${stillOurs}`,
      );
    }
    const failure = outcomes.find((o) => o.status === "rejected");
    if (failure) throw failure.reason;
  };
  return { counts, record };
}

/**
 * Passes one after another while each finds a full batch, so a backlog (after a busy hour, or a
 * gateway that was down) drains at the deliverer's own pace, not one batch a poll. A pass's sent
 * notices are recorded while the next pass is claimed and sent (they are still leased, so that
 * claim skips them); sends never overlap, so no more than one batch is in flight.
 */
export async function drainDueNotices(deps: AppDeps, options: RetryOptions = NOTICE_SENDING): Promise<void> {
  let recording: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const pass = await claimAndSend(deps, options);
      const previous = recording;
      recording = pass.record();
      await previous;
      const { sent, retrying, failed } = pass.counts;
      if (sent + retrying + failed < options.batch) return;
    }
  } finally {
    await recording;
  }
}

/**
 * The server's deliverer: a drain every `NOTICE_POLL_MS`, and one at once when woken (after an
 * action's notices commit). Returns the timer for the server to stop and `wake`.
 */
export function startNoticeDeliverer(deps: AppDeps): { timer: NodeJS.Timeout; wake: () => void } {
  return startPolling(() => drainDueNotices(deps), NOTICE_POLL_MS, deps.logger, "notice delivery failed");
}
