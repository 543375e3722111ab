import type { ChainCheck, ChainState } from "@recovery-desk/shared";
import { desc, eq } from "drizzle-orm";
import { verifyChain } from "../../audit/verify.ts";
import type { Db } from "../../db/client.ts";
import { auditChainHead, auditChecks } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { newId } from "../../lib/ids.ts";

/**
 * Checks the chain over a range and records the result. Starting from the latest checkpoint's
 * sequence, the checkpoint's hash is the trusted anchor. An intact check up to the head becomes
 * the new checkpoint, and is written to the log so an operator can keep it outside the database.
 */
export async function runChainCheck(
  deps: AppDeps,
  by: string,
  range: { fromSeq?: number; toSeq?: number } = {},
): Promise<ChainCheck> {
  const { db } = deps.database;
  const checkpoint = await latestCheckpoint(db);
  const fromSeq = range.fromSeq ?? 1;
  const anchorHash = checkpoint && checkpoint.headSeq === fromSeq - 1 ? checkpoint.headHash : undefined;
  const result = await verifyChain(db, {
    fromSeq,
    ...(range.toSeq ? { toSeq: range.toSeq } : {}),
    ...(anchorHash ? { anchorHash } : {}),
  });
  const now = deps.clock.now();
  await db.insert(auditChecks).values({
    id: newId("check"),
    checkedAt: now,
    checkedBy: by,
    fromSeq,
    toSeq: result.ok ? result.headSeq : (result.firstBadSeq ?? fromSeq),
    ok: result.ok,
    checkpoint: result.ok && (fromSeq === 1 || anchorHash !== undefined),
    checked: result.checked,
    firstBadSeq: result.firstBadSeq ?? null,
    headSeq: result.headSeq,
    headHash: result.headHash,
  });
  if (result.ok)
    deps.logger.info({ checkpoint: { seq: result.headSeq, hash: result.headHash }, fromSeq }, "audit chain intact");
  else deps.logger.error({ firstBadSeq: result.firstBadSeq, fromSeq }, "audit chain broken");
  return result;
}

/** Checks everything appended since the latest checkpoint (or from the start). */
export function checkSinceCheckpoint(deps: AppDeps, by: string): Promise<ChainCheck> {
  return latestCheckpoint(deps.database.db).then((checkpoint) =>
    runChainCheck(deps, by, { fromSeq: checkpoint ? checkpoint.headSeq + 1 : 1 }),
  );
}

async function latestCheckpoint(db: Db) {
  const [row] = await db
    .select()
    .from(auditChecks)
    .where(eq(auditChecks.checkpoint, true))
    .orderBy(desc(auditChecks.headSeq), desc(auditChecks.n))
    .limit(1);
  return row ?? null;
}

/** The head of the chain, the last check, and the last checkpoint, for the console. */
export async function chainState(db: Db): Promise<ChainState> {
  const [[head], [last], checkpoint] = await Promise.all([
    db.select().from(auditChainHead).where(eq(auditChainHead.id, 1)),
    db.select().from(auditChecks).orderBy(desc(auditChecks.n)).limit(1),
    latestCheckpoint(db),
  ]);
  return {
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? "",
    lastCheck: last
      ? {
          checkedAt: last.checkedAt.toISOString(),
          ok: last.ok,
          fromSeq: last.fromSeq,
          toSeq: last.toSeq,
          firstBadSeq: last.firstBadSeq,
          by: last.checkedBy,
        }
      : null,
    lastCheckpoint: checkpoint
      ? { seq: checkpoint.headSeq, hash: checkpoint.headHash, checkedAt: checkpoint.checkedAt.toISOString() }
      : null,
  };
}
