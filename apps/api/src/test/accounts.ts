import { eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type AccountRow, accounts } from "../db/schema/index.ts";

/** The stored row of an account by its username (persona or generated). */
export async function accountByUsername(db: Db, username: string): Promise<AccountRow> {
  const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!row) throw new Error(`No account ${username} in the test world`);
  return row;
}

/** Hard-locks an account as five failed sign-ins within two minutes before `lockedAt` would. */
export async function hardLock(db: Db, accountId: string, lockedAt: Date): Promise<void> {
  await db
    .update(accounts)
    .set({
      status: "locked",
      statusReason: "failed_logins",
      lockKind: "hard",
      lockedAt,
      failedLoginCount: 5,
      failedLoginWindowStartedAt: new Date(lockedAt.getTime() - 2 * 60_000),
    })
    .where(eq(accounts.id, accountId));
}

/** The demo personas' account ids: `id("maria.lopez")`. */
export async function personaIds(db: Db): Promise<(username: string) => string> {
  const rows = await db.select({ id: accounts.id, username: accounts.username }).from(accounts);
  const ids = new Map(rows.map((row) => [row.username, row.id]));
  return (username) => {
    const found = ids.get(username);
    if (!found) throw new Error(`No account ${username} in the test world`);
    return found;
  };
}
