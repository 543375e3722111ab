import { and, eq, lt, lte, ne, notExists, or } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { idempotencyKeys, notices, outbox, rateLimitCounters, reportTokens, sessions } from "../db/schema/index.ts";
import { NOTICE_RETENTION_MS } from "../notify/notice-deliverer.ts";
import { OUTBOX_KEEP_MS } from "../notify/outbox.ts";

const DAY_MS = 86_400_000;

/**
 * Removes what can no longer be used: ended sessions, expired idempotency keys, old rate counters,
 * outbox messages once 24 hours old (they hold codes and temporary passwords), in demo mode too,
 * notices sent or given up 30 days ago (a pending one never), and report links 30 days old, once
 * no notice names them.
 */
export async function housekeeping(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.idleExpiresAt, now)));
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
  await db.delete(outbox).where(lte(outbox.createdAt, new Date(now.getTime() - OUTBOX_KEEP_MS)));
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStartedAt, new Date(now.getTime() - DAY_MS)));
  const noticesBefore = new Date(now.getTime() - NOTICE_RETENTION_MS);
  await db.delete(notices).where(and(ne(notices.status, "pending"), lt(notices.createdAt, noticesBefore)));
  await db
    .delete(reportTokens)
    .where(
      and(
        lt(reportTokens.expiresAt, now),
        notExists(db.select().from(notices).where(eq(notices.reportTokenId, reportTokens.id))),
      ),
    );
}
