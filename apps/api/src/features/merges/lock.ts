import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { type AccountRow, accounts, merges } from "../../db/schema/index.ts";

/**
 * Locks the accounts of a merge in one fixed order (by id), so two merges that share an account
 * wait for each other instead of deadlocking.
 */
export function lockAccountsInOrder(tx: Tx, ids: string[]): Promise<AccountRow[]> {
  return tx
    .select()
    .from(accounts)
    .where(inArray(accounts.id, [...ids].sort()))
    .orderBy(accounts.id)
    .for("update");
}

/** The condition on `merges` of a merge waiting for approval that any of these accounts is in, as survivor or merged. */
export function pendingMergeOf(ids: string[]): SQL | undefined {
  return and(
    eq(merges.status, "pending_approval"),
    sql`(${merges.survivorId} in ${ids}
      or exists (select 1 from jsonb_array_elements_text(${merges.mergedIds}) as m(id) where m.id in ${ids}))`,
  );
}
