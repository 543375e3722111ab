import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type AccountRow, accounts } from "../db/schema/index.ts";

/** The stored row of an account by its username (persona or generated). */
export async function accountByUsername(db: Db, username: string): Promise<AccountRow> {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!row) throw new Error(`No account ${username} in the test world`);
  return row;
}
