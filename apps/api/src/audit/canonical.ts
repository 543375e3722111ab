import { hash } from "node:crypto";

/** The hash the chain starts from, before the first event. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields an event's hash covers, in a fixed order. */
export interface HashedEventContent {
  seq: number;
  id: string;
  /** A time, or its ISO 8601 text (`2026-01-31T09:15:00.000Z`) as the chain check reads it. */
  occurredAt: Date | string;
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

/** A JSON string, or `null`. */
const text = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * The canonical text of an event: a JSON array of its fields in a fixed order, the same text as
 * `canonicalJson([seq, id, occurredAt as ISO 8601, …, details, prevHash])`. An auditor can rebuild
 * it from an export and check `hash = sha256(canonical text)`.
 */
export function canonicalEventText(event: HashedEventContent): string {
  const at = typeof event.occurredAt === "string" ? event.occurredAt : event.occurredAt.toISOString();
  // Written out field by field rather than through canonicalJson: the chain check builds this text
  // for every event of the trail, and only the details need their keys sorted.
  return `[${event.seq},${text(event.id)},${text(at)},${text(event.actorType)},${text(event.actorId)},${text(
    event.actorName,
  )},${text(event.action)},${text(event.accountId)},${text(event.caseRef)},${text(event.reason)},${text(
    event.requestId,
  )},${text(event.ip)},${canonicalJson(event.details)},${text(event.prevHash)}]`;
}

/** SHA-256 of the canonical text (UTF-8), in lower-case hex. */
export function eventHash(event: HashedEventContent): string {
  return hash("sha256", canonicalEventText(event), "hex");
}
