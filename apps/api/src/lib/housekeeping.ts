import { lt, lte, or } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { idempotencyKeys, outbox, rateLimitCounters, sessions } from "../db/schema/index.ts";
import { OUTBOX_KEEP_MS } from "../notify/outbox.ts";

const DAY_MS = 86_400_000;

/**
 * Removes what can no longer be used: ended sessions, expired idempotency keys, old rate counters,
 * and outbox messages once 24 hours old (they hold codes and temporary passwords), in demo mode too.
 */
export async function housekeeping(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.idleExpiresAt, now)));
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
  await db.delete(outbox).where(lte(outbox.createdAt, new Date(now.getTime() - OUTBOX_KEEP_MS)));
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStartedAt, new Date(now.getTime() - DAY_MS)));
}
