import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { rateLimitCounters } from "../db/schema/index.ts";

export interface WindowCount {
  count: number;
  windowStartedAt: Date;
}

/**
 * The upsert that counts one more event for every key `keys` selects, in a fixed window of
 * `windowMs` that starts with the first event, returning each key's count and window start. It is
 * atomic, and it can stand inside a larger statement (the session check counts the request in the
 * same round trip).
 */
export function hitUpsert(keys: SQL, now: Date, windowMs: number): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`r.window_started_at <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  return sql`insert into rate_limit_counters as r (key, window_started_at, count)
    select k.key, ${at}, 1 from (${keys}) as k(key)
    on conflict (key) do update set
      count = case when ${expired} then 1 else r.count + 1 end,
      window_started_at = case when ${expired} then ${at} else r.window_started_at end
    returning r.count, r.window_started_at`;
}

/** Reads the `returning` row of `hitUpsert`. */
export function toWindowCount(row: { count: number | string; window_started_at: Date | string }): WindowCount {
  return { count: Number(row.count), windowStartedAt: new Date(row.window_started_at) };
}

/**
 * Counts one more event under `key` in a fixed window of `windowMs` that starts with the first
 * event. The counter lives in PostgreSQL, so every API process shares it; the upsert is atomic.
 */
export async function countHit(db: Executor, key: string, now: Date, windowMs: number): Promise<WindowCount> {
  const [row] = await queryRows<{ count: number; window_started_at: Date }>(
    db,
    hitUpsert(sql`select ${key}::text`, now, windowMs),
  );
  if (!row) throw new Error("The rate-limit upsert returned no row.");
  return toWindowCount(row);
}

/** The count in the current window without adding to it (0 when the window has passed). */
export async function currentCount(
  db: Executor,
  key: string,
  now: Date,
  windowMs: number,
): Promise<WindowCount | null> {
  const [row] = await db
    .select({ count: rateLimitCounters.count, windowStartedAt: rateLimitCounters.windowStartedAt })
    .from(rateLimitCounters)
    .where(eq(rateLimitCounters.key, key));
  if (!row || row.windowStartedAt.getTime() <= now.getTime() - windowMs) return null;
  return row;
}

export async function resetCount(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimitCounters).where(eq(rateLimitCounters.key, key));
}

/** Whole seconds until a window that started at `startedAt` ends (at least 1). */
export function secondsUntilWindowEnds(startedAt: Date, windowMs: number, now: Date): number {
  return Math.max(1, Math.ceil((startedAt.getTime() + windowMs - now.getTime()) / 1000));
}
