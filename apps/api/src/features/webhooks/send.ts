import type { WebhookAttempt, WebhookEvent } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { queryRows } from "../../db/rows.ts";
import type { AppDeps } from "../../deps.ts";
import { DAY } from "../../lib/clock.ts";
import { afterAttempt, leaseEnd, type RetryOptions, startPolling } from "../../lib/retries.ts";
import { safeError } from "../../lib/safe-error.ts";

/** How deliveries are sent and retried (see `RetryOptions`). */
export type WebhookSendOptions = RetryOptions;

export const WEBHOOK_SENDING: WebhookSendOptions = {
  batch: 20,
  timeoutMs: 10_000,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 2 * 60 * 60_000,
  random: Math.random,
};

/** How often the server looks for due deliveries. */
export const WEBHOOK_POLL_MS = 5_000;

/** Finished deliveries (delivered or failed) are kept this long, then removed. */
export const WEBHOOK_DELIVERY_RETENTION_MS = 30 * DAY;

interface Claimed extends Record<string, unknown> {
  id: string;
  webhook_id: string;
  event: WebhookEvent;
  payload: { type: WebhookEvent; timestamp: string; data: Record<string, unknown> };
  tried: number | string;
  url: string;
  secret: string;
}

/**
 * The reason an attempt failed, short, without any response body, and without any address: a
 * receiver's URL may carry a token in its query, and admins read these reasons.
 */
export function failureOf(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "timeout";
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, "<address>").slice(0, 200);
}

/** One POST, signed the Standard Webhooks way; never throws. */
async function attempt(deps: AppDeps, delivery: Claimed, options: WebhookSendOptions): Promise<WebhookAttempt> {
  const at = deps.clock.now();
  // In the order the specification shows it (the database keeps the members in its own order).
  const { type, timestamp, data } = delivery.payload;
  const body = JSON.stringify({ type, timestamp, data });
  const signature = new Webhook(delivery.secret).sign(delivery.id, at, body);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "RecoveryDesk-Webhooks/1",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body,
      // A redirect is not followed: the admin registered this address, not another.
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    const ok = response.status >= 200 && response.status < 300;
    return {
      at: at.toISOString(),
      statusCode: response.status,
      error: ok ? null : `HTTP ${response.status}`,
      ms: ms(),
    };
  } catch (error) {
    return { at: at.toISOString(), statusCode: null, error: failureOf(error), ms: ms() };
  }
}

/**
 * Sends the deliveries that are due, each claimed under a lease (see `RetryOptions`). A 2xx is
 * `delivered`; anything else is tried again after a growing, jittered wait until `maxAttempts`,
 * then `failed`.
 */
export async function sendDueWebhooks(
  deps: AppDeps,
  options: WebhookSendOptions = WEBHOOK_SENDING,
): Promise<{ delivered: number; retrying: number; failed: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const lease = leaseEnd(now, options);
  const claimed = await queryRows<Claimed>(
    db,
    sql`update webhook_deliveries d set next_attempt_at = ${lease.toISOString()}::timestamptz
        from webhooks w
        where w.id = d.webhook_id and d.id in (
          select id from webhook_deliveries
          where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at
          limit ${options.batch}
          for update skip locked
        )
        returning d.id, d.webhook_id, d.event, d.payload, jsonb_array_length(d.attempts) as tried, w.url, w.secret`,
  );
  const counts = { delivered: 0, retrying: 0, failed: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const result = await attempt(deps, delivery, options);
      const number = Number(delivery.tried) + 1;
      const after = afterAttempt(number, result.error === null, deps.clock.now(), options);
      const status = after.outcome === "done" ? "delivered" : after.outcome === "failed" ? "failed" : "pending";
      const next = after.outcome === "retry" ? after.next.toISOString() : null;
      counts[status === "pending" ? "retrying" : status]++;
      await db.execute(
        sql`update webhook_deliveries
            set attempts = attempts || ${JSON.stringify([result])}::jsonb, status = ${status},
                next_attempt_at = ${next}::timestamptz
            where id = ${delivery.id}`,
      );
      if (status === "failed") {
        deps.logger.warn(
          { webhookId: delivery.webhook_id, deliveryId: delivery.id, attempts: number, error: result.error },
          "webhook delivery failed for good",
        );
      }
    }),
  );
  return counts;
}

/** Removes finished deliveries older than the retention period; pending ones stay. */
export async function purgeOldWebhookDeliveries(deps: AppDeps): Promise<void> {
  const before = new Date(deps.clock.now().getTime() - WEBHOOK_DELIVERY_RETENTION_MS);
  await deps.database.db.execute(
    sql`delete from webhook_deliveries where status <> 'pending' and created_at < ${before.toISOString()}::timestamptz`,
  );
}

/**
 * The server's sender: a pass every `WEBHOOK_POLL_MS` (never two at once in one process), and the
 * purge of old deliveries once an hour. Returns the timers for the server to stop.
 */
export function startWebhookSender(deps: AppDeps): NodeJS.Timeout[] {
  const sender = startPolling(() => sendDueWebhooks(deps), WEBHOOK_POLL_MS, deps.logger, "webhook sending failed");
  const purge = () =>
    purgeOldWebhookDeliveries(deps).catch((error) =>
      deps.logger.warn({ err: safeError(error) }, "webhook delivery purge failed"),
    );
  return [sender.timer, setInterval(purge, 60 * 60_000)];
}
