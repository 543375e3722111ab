import type { ActorType, AuditAction } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { auditChainHead, auditEvents } from "../db/schema/index.ts";
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
 * change it records commit or roll back together. The chain head row is locked until the
 * transaction ends: concurrent appends queue there and the chain never forks.
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<{ id: string; seq: number }> {
  const details = input.details ?? {};
  assertNoSecrets(details, "");
  const [head] = await tx
    .select({ seq: auditChainHead.seq, hash: auditChainHead.hash, occurredAt: auditChainHead.occurredAt })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1))
    .for("update");
  if (!head) throw new Error("The audit chain head row is missing; the migrations did not run.");

  const content = {
    seq: head.seq + 1,
    id: newId("event"),
    // Never before the previous event (a transaction that waited for the head lock, or a clock
    // that stepped back), so the chain's order is also time order and time ranges map to sequences.
    occurredAt: head.occurredAt && head.occurredAt > input.at ? head.occurredAt : input.at,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorName: input.actor.name,
    action: input.action,
    accountId: input.accountId ?? null,
    caseRef: input.caseRef ?? null,
    reason: input.reason ?? null,
    requestId: input.origin.requestId,
    ip: input.origin.ip,
    details,
    prevHash: head.hash,
  };
  const hash = eventHash(content);
  await tx.insert(auditEvents).values({ ...content, hash });
  await tx
    .update(auditChainHead)
    .set({ seq: content.seq, hash, occurredAt: content.occurredAt })
    .where(eq(auditChainHead.id, 1));
  return { id: content.id, seq: content.seq };
}
