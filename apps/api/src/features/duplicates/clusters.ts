import type { DuplicateClusterPage } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "../accounts/summary.ts";

/**
 * Where a page starts: after this cluster size (an `int` in the query) and address key. The key is
 * stored text without a length limit, so the cursor takes it at any length (the query's `cursor`
 * allows as much as a request can carry).
 */
const clusterCursor = cursorCodec({ n: position.int(2, 2_147_483_647), k: position.text() });

/**
 * Every normalised address with two or more open accounts, largest first, paged by keyset on
 * (size, key). It reads the stored, indexed address keys: nothing is normalised on the fly.
 */
export async function duplicateClusters(
  db: Db,
  query: { limit: number; cursor?: string | undefined },
  now: Date,
): Promise<DuplicateClusterPage> {
  const after = query.cursor ? clusterCursor.decode(query.cursor) : null;
  const clusters = await queryRows<{ address_key: string; size: number }>(
    db,
    sql`with keys as (
          select o.address_key, count(distinct o.account_id)::int as size
          from addresses o join accounts oa on oa.id = o.account_id
          where oa.status not in ('merged', 'closed')
          group by o.address_key
          having count(distinct o.account_id) >= 2
        )
        select address_key, size from keys
        ${after ? sql`where (size < ${after.n} or (size = ${after.n} and address_key > ${after.k}))` : sql``}
        order by size desc, address_key
        limit ${query.limit + 1}`,
  );
  const page = clusters.slice(0, query.limit);
  if (page.length === 0) return { items: [], nextCursor: null };
  const keys = page.map((c) => c.address_key);
  const members = await queryRows<SummaryRow & { address_key: string }>(
    db,
    sql`select distinct on (a.id, m.address_key) ${summarySelect}, m.address_key
        from addresses m join accounts a on a.id = m.account_id ${homeAddressJoin}
        where m.address_key in ${keys} and a.status not in ('merged', 'closed')
        order by a.id, m.address_key`,
  );
  const items = page.map((cluster) => ({
    addressKey: cluster.address_key,
    size: Number(cluster.size),
    accounts: members
      .filter((m) => m.address_key === cluster.address_key)
      .map((m) => toSummary(m, now))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  }));
  const last = page.at(-1);
  return {
    items,
    nextCursor:
      clusters.length > query.limit && last
        ? clusterCursor.encode({ n: Number(last.size), k: last.address_key })
        : null,
  };
}
