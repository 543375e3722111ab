import { createHash } from "node:crypto";

/** The hash the chain starts from, before the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers, in a fixed order. */
export interface HashedEventContent {
  seq: number;
  id: string;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorName: string;
  action: string;
  accountId: string | null;
  caseRef: string | null;
  reason: string | null;
  requestId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The canonical text of an event: a JSON array of its fields in a fixed order. An auditor can
 * rebuild it from an export and check `hash = sha256(canonical text)`.
 */
export function canonicalEventText(event: HashedEventContent): string {
  return canonicalJson([
    event.seq,
    event.id,
    event.occurredAt.toISOString(),
    event.actorType,
    event.actorId,
    event.actorName,
    event.action,
    event.accountId,
    event.caseRef,
    event.reason,
    event.requestId,
    event.ip,
    event.details,
    event.prevHash,
  ]);
}

/** SHA-256 of the canonical text (UTF-8), in lower-case hex. */
export function eventHash(event: HashedEventContent): string {
  return createHash("sha256").update(canonicalEventText(event)).digest("hex");
}
