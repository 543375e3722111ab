import { eq, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { queryRows } from "../db/rows.ts";
import { rateLimitCounters } from "../db/schema/index.ts";

/** Requests are counted per minute, per staff member (all their sessions together) and per API key. */
export const REQUEST_WINDOW_MS = 60_000;
/**
 * The counter key prefix of a staff member's requests (request counters' keys start with `rate:`).
 * It names the staff member, not the session, so signing in again does not start a new count.
 */
export const STAFF_RATE_PREFIX = "rate:staff:";
/** The counter key prefix of an API key's requests. */
export const KEY_RATE_PREFIX = "rate:key:";

export interface WindowCount {
  count: number;
  windowStartedAt: Date;
}

/**
 * The upsert that counts one more event for every key `keys` selects, in a fixed window of
 * `windowMs` that starts with the first event, returning each key's count and window start. It is
 * atomic, and it can stand inside a larger statement (the session check counts the request in the
 * same round trip). With `limit`, a key whose window already holds `limit` events is left as it is
 * and returns no row.
 */
export function hitUpsert(keys: SQL, now: Date, windowMs: number, limit?: number): SQL {
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`r.window_started_at <= ${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
  const underLimit = limit === undefined ? sql`` : sql`where ${expired} or r.count < ${limit}`;
  return sql`insert into rate_limit_counters as r (key, window_started_at, count)
    select k.key, ${at}, 1 from (${keys}) as k(key)
    on conflict (key) do update set
      count = case when ${expired} then 1 else r.count + 1 end,
      window_started_at = case when ${expired} then ${at} else r.window_started_at end
    ${underLimit}
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

/**
 * Counts one more event under `key` unless its window already holds `limit`: one atomic statement,
 * so however many requests arrive at once, at most `limit` are let through in a window. A refused
 * event changes nothing; the answer says how long until the window ends.
 */
export async function countHitWithin(
  db: Executor,
  key: string,
  now: Date,
  windowMs: number,
  limit: number,
): Promise<{ admitted: true; hit: WindowCount } | { admitted: false; retryAfter: number }> {
  const [row] = await queryRows<{ count: number; window_started_at: Date }>(
    db,
    hitUpsert(sql`select ${key}::text`, now, windowMs, limit),
  );
  if (row) return { admitted: true, hit: toWindowCount(row) };
  const full = await currentCount(db, key, now, windowMs);
  const retryAfter = full ? secondsUntilWindowEnds(full.windowStartedAt, windowMs, now) : 1;
  return { admitted: false, retryAfter };
}

/**
 * Takes back one event counted under `key` in the window that started at `windowStartedAt` (not in
 * a later one); the counter goes when it reaches nothing.
 */
export async function refundHit(db: Executor, key: string, windowStartedAt: Date): Promise<void> {
  const started = sql`${windowStartedAt.toISOString()}::timestamptz`;
  await queryRows(
    db,
    sql`with gone as (
          delete from rate_limit_counters where key = ${key} and window_started_at = ${started} and count <= 1
          returning key
        )
        update rate_limit_counters set count = count - 1
        where key = ${key} and window_started_at = ${started} and count > 1`,
  );
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
