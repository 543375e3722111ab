import { inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { type AccountRow, accounts } from "../../db/schema/index.ts";

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
