import { eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { auditEvents } from "../db/schema/index.ts";
import { eventHash, GENESIS_HASH } from "./canonical.ts";

export interface ChainCheck {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  /** The first event whose hash or link to the previous event does not fit. */
  firstBadSeq?: number;
}

const BATCH = 5000;

interface StoredEvent extends Record<string, unknown> {
  seq: number | string;
  id: string;
  /** ISO 8601 in UTC with milliseconds, as `toISOString` writes it. */
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  account_id: string | null;
  case_ref: string | null;
  reason: string | null;
  request_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/**
 * Recomputes the chain from `fromSeq` up to `toSeq`, in batches by sequence, and names the first
 * event that does not fit: a changed event, a broken link, or a gap in the sequence. The event
 * before `fromSeq` is the anchor: its hash as stored, or `anchorHash` when the caller holds a
 * trusted copy (a checkpoint kept outside the database). The next batch is read while the current
 * one is hashed.
 */
export async function verifyChain(
  db: Db,
  range: { fromSeq?: number; toSeq?: number; anchorHash?: string } = {},
): Promise<ChainCheck> {
  const fromSeq = Math.max(1, range.fromSeq ?? 1);
  let prevHash = GENESIS_HASH;
  let lastSeq = fromSeq - 1;
  if (fromSeq > 1) {
    const [before] = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.seq, fromSeq - 1));
    if (!before || (range.anchorHash !== undefined && before.hash !== range.anchorHash)) {
      return { ok: false, checked: 0, headSeq: fromSeq - 2, headHash: "", firstBadSeq: fromSeq - 1 };
    }
    prevHash = before.hash;
  }
  // The check covers the trail as it stands when it starts; events appended meanwhile wait for the next.
  const [last] = await queryRows<{ seq: number | string | null }>(db, sql`select max(seq) as seq from audit_events`);
  const end = Math.min(range.toSeq ?? Number.POSITIVE_INFINITY, Number(last?.seq ?? 0));
  // Batches by sequence range (not by LIMIT after the last row), so the next can be asked for first;
  // a missing event shows as a sequence that does not follow on.
  const batch = (after: number) => {
    const rows = queryRows<StoredEvent>(
      db,
      sql`select seq, id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at, actor_type, actor_id, actor_name, action, account_id, case_ref, reason,
                 request_id, ip, details, prev_hash, hash
          from audit_events where seq > ${after} and seq <= ${Math.min(after + BATCH, end)} order by seq`,
    );
    // A batch read ahead is not awaited when the check stops early; its failure must not go unhandled.
    rows.catch(() => {});
    return rows;
  };
  let checked = 0;
  let next = batch(lastSeq);
  for (let start = lastSeq; start < end; start += BATCH) {
    const rows = await next;
    if (start + BATCH < end) next = batch(start + BATCH);
    for (const row of rows) {
      const seq = Number(row.seq);
      const content = {
        seq,
        id: row.id,
        occurredAt: row.occurred_at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        action: row.action,
        accountId: row.account_id,
        caseRef: row.case_ref,
        reason: row.reason,
        requestId: row.request_id,
        ip: row.ip,
        details: row.details,
        prevHash: row.prev_hash,
      };
      if (seq !== lastSeq + 1 || row.prev_hash !== prevHash || eventHash(content) !== row.hash) {
        return { ok: false, checked, headSeq: lastSeq, headHash: prevHash, firstBadSeq: lastSeq + 1 };
      }
      prevHash = row.hash;
      lastSeq = seq;
      checked++;
    }
  }
  return { ok: true, checked, headSeq: lastSeq, headHash: prevHash };
}
