import type { AuditEvent } from "@recovery-desk/shared";
import type { AuditEventRow } from "../db/schema/index.ts";

/** An audit event as the API shows it. */
export function presentAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actor: { type: row.actorType, id: row.actorId, name: row.actorName },
    action: row.action,
    accountId: row.accountId,
    caseRef: row.caseRef,
    reason: row.reason,
    requestId: row.requestId,
    ip: row.ip,
    details: row.details,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
