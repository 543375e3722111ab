import { and, asc, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../db/client.ts";
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

/**
 * Recomputes the chain from `fromSeq` up to `toSeq`, in batches by sequence, and names the first
 * event that does not fit: a changed event, a broken link, or a gap in the sequence. The event
 * before `fromSeq` is the anchor: its hash as stored, or `anchorHash` when the caller holds a
 * trusted copy (a checkpoint kept outside the database).
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
  let checked = 0;
  for (;;) {
    const upper = range.toSeq === undefined ? undefined : lte(auditEvents.seq, range.toSeq);
    const rows = await db
      .select()
      .from(auditEvents)
      .where(upper ? and(gt(auditEvents.seq, lastSeq), upper) : gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    for (const row of rows) {
      const { hash, ...content } = row;
      if (row.seq !== lastSeq + 1 || row.prevHash !== prevHash || eventHash(content) !== hash) {
        return { ok: false, checked, headSeq: lastSeq, headHash: prevHash, firstBadSeq: lastSeq + 1 };
      }
      prevHash = hash;
      lastSeq = row.seq;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  return { ok: true, checked, headSeq: lastSeq, headHash: prevHash };
}
