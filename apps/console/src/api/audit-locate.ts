import type { ListedAuditEvent } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { auditKeys, eventsBefore } from "./audit.ts";

/** How many events one look-up around a moment reads: far more than ever share one millisecond. */
const AROUND_LIMIT = 50;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Finds the event with sequence number `seq`. The API filters by time but not by sequence; since no
 * event is dated before the one it follows, time order is chain order, and a time can stand in for a
 * sequence number. With `near` (the time of an event close after it, e.g. the one whose previous
 * event is wanted) one call usually does; otherwise the time is found by halving (about 40 small
 * calls). Null when there is no such event (yet), or its time does not fit the chain's order.
 */
export async function findEventBySeq(
  seq: number,
  { near, signal }: { near?: string | undefined; signal?: AbortSignal | undefined } = {},
): Promise<ListedAuditEvent | null> {
  if (near) {
    const page = await eventsBefore(iso(Date.parse(near) + 1), AROUND_LIMIT, signal);
    const found = page.items.find((event) => event.seq === seq);
    if (found) return found;
  }

  const newestBefore = async (ms: number | undefined) =>
    (await eventsBefore(ms === undefined ? undefined : iso(ms), 1, signal)).items[0];
  const newest = await newestBefore(undefined);
  if (!newest || newest.seq < seq) return null;
  if (newest.seq === seq) return newest;
  // Invariant: the newest event before `low` comes before `seq`; the newest before `high` is `seq` or later.
  let low = 0;
  let high = Date.parse(newest.occurredAt) + 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const event = await newestBefore(middle);
    if (event && event.seq >= seq) {
      if (event.seq === seq) return event;
      high = middle;
    } else {
      low = middle;
    }
  }
  // `seq` shares its millisecond (high - 1) with later events: read them all.
  const page = await eventsBefore(iso(high), AROUND_LIMIT, signal);
  return page.items.find((event) => event.seq === seq) ?? null;
}

/** One event by its sequence number; events never change, so the answer is kept. */
export function auditEventBySeqQuery(seq: number, near?: string) {
  return queryOptions({
    queryKey: auditKeys.eventBySeq(seq),
    queryFn: ({ signal }) => findEventBySeq(seq, { near, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
