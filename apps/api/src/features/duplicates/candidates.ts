import { type Duplicates, scoreDuplicate } from "@recovery-desk/shared";
import { and, eq, inArray, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { accounts, addresses } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import { homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "../accounts/summary.ts";

/** Open accounts, the only ones that can be duplicates or be merged. */
export const OPEN = notInArray(accounts.status, ["merged", "closed"]);

/** The normalised address keys of an account (home first). */
export async function addressKeysOf(db: Db, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ key: addresses.addressKey })
    .from(addresses)
    .where(eq(addresses.accountId, accountId))
    .orderBy(sql`(${addresses.kind} = 'home') desc`, addresses.createdAt);
  return [...new Set(rows.map((r) => r.key))];
}

/**
 * Other open accounts at any of this account's normalised addresses, scored by what else agrees
 * and ranked best first, each with its reasons.
 */
export async function duplicateCandidates(db: Db, accountId: string, now: Date): Promise<Duplicates> {
  const [self] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!self) throw notFound("The account");
  const keys = await addressKeysOf(db, accountId);
  if (keys.length === 0) return { addressKey: null, candidates: [] };

  const others = await db
    .selectDistinct({ id: addresses.accountId })
    .from(addresses)
    .innerJoin(accounts, eq(accounts.id, addresses.accountId))
    .where(and(inArray(addresses.addressKey, keys), ne(addresses.accountId, accountId), OPEN));
  if (others.length === 0) return { addressKey: keys[0] ?? null, candidates: [] };

  const ids = others.map((o) => o.id);
  const [summaries, facts] = await Promise.all([
    queryRows<SummaryRow>(db, sql`select ${summarySelect} from accounts a ${homeAddressJoin} where a.id in ${ids}`),
    db
      .select({
        id: accounts.id,
        firstName: accounts.firstName,
        lastName: accounts.lastName,
        email: accounts.email,
        phone: accounts.phone,
      })
      .from(accounts)
      .where(inArray(accounts.id, ids)),
  ]);
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const candidates = summaries
    .map((row) => {
      const other = factsById.get(row.id);
      const { score, reasons } = scoreDuplicate(
        self,
        other ?? { firstName: "", lastName: "", email: null, phone: null },
      );
      return { account: toSummary(row, now), score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.account.username.localeCompare(b.account.username));
  return { addressKey: keys[0] ?? null, candidates };
}
