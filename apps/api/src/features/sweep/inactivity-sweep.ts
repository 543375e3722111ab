import { AUDIT_REASONS, type SweepResult, SYSTEM_ACTORS } from "@recovery-desk/shared";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Actor } from "../../audit/append.ts";
import { queryRows } from "../../db/rows.ts";
import { accounts } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { moveAccount } from "../recovery/transition.ts";

export const SWEEP_ACTOR: Actor = SYSTEM_ACTORS.inactivitySweep;

/** Any two processes sweeping take turns on this advisory lock; the second one skips the batch. */
const SWEEP_LOCK = 7_267_352;
const DAY_MS = 86_400_000;

/**
 * Deactivates active accounts with no activity for the configured number of days, in batches,
 * each batch one transaction under an advisory lock. Running it again finds nothing more to do;
 * two processes running it at once never both deactivate an account.
 */
export async function runInactivitySweep(deps: AppDeps, options: { batchSize?: number } = {}): Promise<SweepResult> {
  const { db } = deps.database;
  const batchSize = options.batchSize ?? 500;
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.config.inactiveDays * DAY_MS);
  let deactivated = 0;
  let batches = 0;
  for (;;) {
    const outcome = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ acquired: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${SWEEP_LOCK}) as acquired`,
      );
      if (!lock?.acquired) return { skipped: true, count: 0 };
      const due = await tx
        .select({ id: accounts.id, lastActivityAt: accounts.lastActivityAt })
        .from(accounts)
        .where(
          and(
            eq(accounts.status, "active"),
            lt(sql`coalesce(${accounts.lastActivityAt}, ${accounts.createdAt})`, cutoff),
          ),
        )
        .orderBy(asc(accounts.lastActivityAt))
        .limit(batchSize);
      for (const account of due) {
        await moveAccount(
          tx,
          account.id,
          { kind: "deactivate" },
          {
            at: now,
            actor: SWEEP_ACTOR,
            action: "account.deactivated",
            origin: { requestId: null, ip: null },
            reason: AUDIT_REASONS.inactive(deps.config.inactiveDays),
            details: { lastActivityAt: account.lastActivityAt?.toISOString() ?? null },
          },
          { deactivatedAt: now },
        );
      }
      return { skipped: false, count: due.length };
    });
    if (outcome.skipped) return { ran: batches > 0, deactivated, batches };
    batches++;
    deactivated += outcome.count;
    if (outcome.count < batchSize) return { ran: true, deactivated, batches };
  }
}
