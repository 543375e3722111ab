import { eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { rateLimitCounters } from "../db/schema/index.ts";

export interface WindowCount {
  count: number;
  windowStartedAt: Date;
}

/**
 * Counts one more event under `key` in a fixed window of `windowMs` that starts with the first
 * event. The counter lives in PostgreSQL, so every API process shares it; the upsert is atomic.
 */
export async function countHit(db: Executor, key: string, now: Date, windowMs: number): Promise<WindowCount> {
  const stale = new Date(now.getTime() - windowMs);
  const expired = sql`${rateLimitCounters.windowStartedAt} <= ${stale.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, windowStartedAt: now, count: 1 })
    .onConflictDoUpdate({
      target: rateLimitCounters.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimitCounters.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimitCounters.windowStartedAt} end`,
      },
    })
    .returning({ count: rateLimitCounters.count, windowStartedAt: rateLimitCounters.windowStartedAt });
  if (!row) throw new Error("The rate-limit upsert returned no row.");
  return row;
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
