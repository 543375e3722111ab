import type { ActorType, AuditAction } from "@recovery-desk/shared";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { auditChainHead } from "../db/schema/index.ts";
import { queueDeliveriesClause } from "../features/webhooks/queue.ts";
import { newId } from "../lib/ids.ts";
import { eventHash } from "./canonical.ts";

export interface Actor {
  type: ActorType;
  /** Staff or API key id; null for the system, or a sign-in with an unknown username. */
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: Actor = { type: "system", id: null, name: "system" };

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  requestId: string | null;
  ip: string | null;
}

export interface AuditEventInput {
  at: Date;
  actor: Actor;
  action: AuditAction;
  origin: RequestOrigin;
  accountId?: string | null;
  caseRef?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Keys that must never appear in an event's details, at any depth. */
const SECRET_KEY = /password|passwd|answer|secret|token|^code$|^otp|^key$|apikey/i;

function assertNoSecrets(value: unknown, path: string): void {
  if (!value || typeof value !== "object") return;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (SECRET_KEY.test(key)) throw new Error(`Audit details may not carry "${path}${key}": it names a secret.`);
    assertNoSecrets(inner, `${path}${key}.`);
  }
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the event and the
 * change it records commit or roll back together (see `appendAuditEvents`).
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<{ id: string; seq: number }> {
  const [appended] = await appendAuditEvents(tx, [input]);
  if (!appended) throw new Error("The audit append wrote nothing.");
  return appended;
}

/**
 * Appends events, in order, to the audit trail inside the caller's transaction. The chain head row
 * is locked until the transaction ends: concurrent appends queue there and the chain never forks.
 * Two round trips whatever the number of events (lock the head; insert the events, queue their
 * webhook deliveries and move the head in one statement), so a transaction that appends last holds
 * the head only for its commit.
 */
export async function appendAuditEvents(
  tx: Tx,
  inputs: readonly AuditEventInput[],
): Promise<{ id: string; seq: number }[]> {
  if (inputs.length === 0) return [];
  for (const input of inputs) assertNoSecrets(input.details ?? {}, "");
  const [head] = await tx
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash, occurredAt: auditChainHead.occurredAt })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for("update");
  if (!head) throw new Error("The audit chain head row is missing; the migrations did not run.");

  let previous = { seq: head.seq, hash: head.hash, occurredAt: head.occurredAt };
  const rows = inputs.map((input) => {
    const content = {
      seq: previous.seq + 1,
      id: newId("event"),
      // Never before the previous event (a transaction that waited for the head lock, or a clock
      // that stepped back), so the chain's order is also time order and time ranges map to sequences.
      occurredAt: previous.occurredAt && previous.occurredAt > input.at ? previous.occurredAt : input.at,
      actorType: input.actor.type,
      actorId: input.actor.id,
      actorName: input.actor.name,
      action: input.action,
      accountId: input.accountId ?? null,
      caseRef: input.caseRef ?? null,
      reason: input.reason ?? null,
      requestId: input.origin.requestId,
      ip: input.origin.ip,
      details: input.details ?? {},
      prevHash: previous.hash,
    };
    const row = { ...content, hash: eventHash(content) };
    previous = { seq: row.seq, hash: row.hash, occurredAt: row.occurredAt };
    return row;
  });
  // All the rows as one JSON parameter read back by `json_to_recordset`: one placeholder, however many events.
  const events = sql`json_to_recordset(${JSON.stringify(rows)}::json) as r(
    seq bigint, id text, "occurredAt" timestamptz, "actorType" text, "actorId" text, "actorName" text,
    action text, "accountId" text, "caseRef" text, reason text, "requestId" text, ip text,
    details jsonb, "prevHash" text, hash text)`;
  // Events that are webhook events queue their deliveries in the same statement (no extra round trip).
  const queued = queueDeliveriesClause(rows);
  await tx.execute(
    sql`with appended as (
          insert into audit_events (seq, id, occurred_at, actor_type, actor_id, actor_name, action, account_id,
                                    case_ref, reason, request_id, ip, details, prev_hash, hash)
          select r.seq, r.id, r."occurredAt", r."actorType", r."actorId", r."actorName", r.action, r."accountId",
                 r."caseRef", r.reason, r."requestId", r.ip, r.details, r."prevHash", r.hash
          from ${events}
        )${queued ? sql`, ${queued}` : sql``}
        update audit_chain_head
        set seq = ${previous.seq}, hash = ${previous.hash}, occurred_at = ${previous.occurredAt?.toISOString() ?? null}::timestamptz
        where id = 1`,
  );
  return rows.map((r) => ({ id: r.id, seq: r.seq }));
}
