import { and, desc, eq, gt } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type VerificationRow, verifications } from "../../db/schema/index.ts";

/**
 * The agent's open verified window for an account, if any: a verification of theirs for that
 * account that succeeded less than 15 minutes ago. Other agents never share it.
 */
export async function openWindow(
  db: Executor,
  staffId: string,
  accountId: string,
  now: Date,
): Promise<VerificationRow | null> {
  const [row] = await db
    .select()
    .from(verifications)
    .where(
      and(
        eq(verifications.staffId, staffId),
        eq(verifications.accountId, accountId),
        eq(verifications.status, "verified"),
        gt(verifications.verifiedUntil, now),
      ),
    )
    .orderBy(desc(verifications.verifiedUntil))
    .limit(1);
  return row ?? null;
}
