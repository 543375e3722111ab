import type { WebhookEvent } from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";

/**
 * The audit actions that are webhook events, and the event each one is. A merge writes one event
 * per account it touches, so each of those accounts gets its own delivery; so does an owner's
 * report on a merged account (one on it, one on the account it was merged into).
 */
const EVENT_OF_ACTION: Readonly<Record<string, WebhookEvent>> = {
  "account.locked": "account.locked",
  "account.unlocked": "account.unlocked",
  "account.reactivated": "account.reactivated",
  "account.temporary_password_issued": "account.temporary_password_issued",
  "merge.completed": "account.merged",
  "merge.undone": "account.unmerged",
  "account.recovery_reported": "account.recovery_reported",
};

export function webhookEventOf(action: string): WebhookEvent | null {
  return EVENT_OF_ACTION[action] ?? null;
}

/**
 * The facts of an audit event's details a receiver may see. Anything else stays out: free-text
 * reasons, masked contacts (`deliveredTo`), and whatever a later detail might hold.
 */
const SHARED_FACTS = new Set([
  "from",
  "to",
  "lockKind",
  "lockedUntil",
  "lockEndedAt",
  "failedLogins",
  "verifiedBy",
  "channel",
  "expiresAt",
  "mergedIds",
]);

/** An id (`mergeId`, `survivorId`, `verificationId`…): a string naming a record. */
const ID_KEY = /^[a-z][A-Za-z]*Id$/;

function sharedFacts(details: Record<string, unknown>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    if (ID_KEY.test(key) && (typeof value === "string" || value === null)) facts[key] = value;
    else if (SHARED_FACTS.has(key)) facts[key] = value;
  }
  return facts;
}

/** What the queue needs of one appended audit event. */
export interface QueuedEvent {
  id: string;
  seq: number;
  occurredAt: Date;
  action: string;
  actorType: string;
  actorId: string | null;
  accountId: string | null;
  caseRef: string | null;
  details: Record<string, unknown>;
}

/** The body a receiver gets: `{ type, timestamp, data }` (Standard Webhooks), ids and plain facts only. */
export function webhookPayload(event: WebhookEvent, row: QueuedEvent) {
  return {
    type: event,
    timestamp: row.occurredAt.toISOString(),
    data: {
      accountId: row.accountId,
      caseRef: row.caseRef,
      auditEventId: row.id,
      auditSeq: row.seq,
      actor: { type: row.actorType, id: row.actorId },
      ...sharedFacts(row.details),
    },
  };
}

/**
 * A data-modifying `with` clause that queues one delivery per event and webhook subscribed to it,
 * for the audit append's statement: the deliveries commit or roll back with the change. Null when
 * no event is a webhook event, so most appends run exactly as before.
 */
export function queueDeliveriesClause(rows: readonly QueuedEvent[]): SQL | null {
  const queued = rows.flatMap((row) => {
    const event = webhookEventOf(row.action);
    return event ? [{ event, row }] : [];
  });
  if (queued.length === 0) return null;
  const values = sql.join(
    queued.map(
      ({ event, row }) =>
        sql`(${event}::text, ${JSON.stringify(webhookPayload(event, row))}::jsonb, ${row.occurredAt.toISOString()}::timestamptz)`,
    ),
    sql`, `,
  );
  return sql`queued as (
    insert into webhook_deliveries (id, webhook_id, event, payload, status, next_attempt_at, created_at)
    select 'whd_' || replace(gen_random_uuid()::text, '-', ''), w.id, e.event, e.payload, 'pending', e.at, e.at
    from webhooks w join (values ${values}) as e(event, payload, at) on e.event = any(w.events)
  )`;
}
