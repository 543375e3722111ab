import {
  type AccountSearchQuery,
  type AccountSummaryPage,
  normalizeName,
  normalizePhone,
  normalizeStreet,
  parseZip,
  suffixAbbreviation,
} from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { effectiveStatusIs, homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "./summary.ts";

/** Relevance-ranked results page by offset, up to this depth; nobody reads 1,000 matches on a call. */
const MAX_SEARCH_DEPTH = 1000;

/** Where a page of matches starts: an offset. */
const searchCursor = cursorCodec({ o: position.int(0, MAX_SEARCH_DEPTH) });
/** Where a page of the whole list starts: after this username, lowercased. */
const listCursor = cursorCodec({ u: position.text(200) });

/** What a search term looks like decides which indexes are asked. */
export type SearchPlan =
  | { kind: "email"; email: string }
  | { kind: "phone"; phone: string }
  | { kind: "zip"; zip5: string }
  | { kind: "text"; prefix: string | null; name: string | null; street: string | null };

export function planSearch(q: string): SearchPlan {
  const term = q.trim();
  if (term.includes("@")) return { kind: "email", email: term };
  const phone = normalizePhone(term);
  if (phone) return { kind: "phone", phone };
  const zip = parseZip(term);
  if (zip) return { kind: "zip", zip5: zip.zip5 };
  // A street address starts with its house number or ends with a street suffix ("Oak Avenue"), and
  // a name has no digits, so a term is looked for only where it can be: a name like "Jammie
  // Baumbach" would otherwise also match every "Baumbach Road" there is. A name that ends like a
  // street ("Maria Park") is looked for as both.
  const hasDigit = /\d/.test(term);
  const name = normalizeName(term);
  const street = normalizeStreet(term);
  const words = street.split(" ");
  const endsLikeStreet = words.length >= 2 && suffixAbbreviation(words.at(-1) ?? "") !== undefined;
  return {
    kind: "text",
    prefix: /\s/.test(term) ? null : term.toLowerCase(),
    name: !hasDigit && /\p{L}/u.test(name) ? name : null,
    street: (hasDigit || endsLikeStreet) && street.length >= 3 ? street : null,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * One `select id, score, sort_key` per index that can answer the term, each on its own index and
 * already narrowed to the status asked for, so the page can be ranked without reading anything else.
 */
function matchQueries(plan: SearchPlan, statusFilter: SQL): SQL[] {
  const fromAccounts = (score: SQL, where: SQL) =>
    sql`select a.id, ${score} as score, lower(a.username::text) as sort_key
        from accounts a where ${where} and ${statusFilter}`;
  const fromAddresses = (score: SQL, where: SQL) =>
    sql`select a.id, ${score} as score, lower(a.username::text) as sort_key
        from addresses ad join accounts a on a.id = ad.account_id where ${where} and ${statusFilter}`;
  switch (plan.kind) {
    case "email":
      return [fromAccounts(sql`1.0::real`, sql`a.email = ${plan.email}::citext`)];
    case "phone":
      return [fromAccounts(sql`1.0::real`, sql`a.phone = ${plan.phone}`)];
    case "zip":
      return [fromAddresses(sql`1.0::real`, sql`ad.zip5 = ${plan.zip5}`)];
    case "text": {
      const parts: SQL[] = [];
      if (plan.prefix) {
        parts.push(
          fromAccounts(
            sql`case when lower(a.username::text) = ${plan.prefix} then 1.0 else 0.9 end::real`,
            sql`lower(a.username::text) like ${`${escapeLike(plan.prefix)}%`}`,
          ),
        );
      }
      if (plan.name) {
        parts.push(fromAccounts(sql`word_similarity(${plan.name}, a.name_search)`, sql`${plan.name} <% a.name_search`));
      }
      if (plan.street) {
        parts.push(
          fromAddresses(
            sql`(word_similarity(${plan.street}, ad.street_key) * 0.95)::real`,
            sql`${plan.street} <% ad.street_key`,
          ),
        );
      }
      return parts;
    }
  }
}

/**
 * Finds accounts for an agent. With `q`: best matches first (by how well the term matches, then
 * username), paged by offset up to a depth of 1,000. Without `q`: every account (optionally of one
 * status) in username order, paged by keyset.
 */
export async function searchAccounts(db: Db, query: AccountSearchQuery, now: Date): Promise<AccountSummaryPage> {
  const statusFilter = query.status ? effectiveStatusIs(query.status, now) : sql`true`;
  const q = query.q?.trim();

  if (!q) {
    const after = query.cursor ? listCursor.decode(query.cursor).u : null;
    const rows = await queryRows<SummaryRow>(
      db,
      sql`select ${summarySelect} from accounts a ${homeAddressJoin}
          where ${statusFilter} ${after === null ? sql`` : sql`and lower(a.username::text) > ${after}`}
          order by lower(a.username::text) limit ${query.limit + 1}`,
    );
    const items = rows.slice(0, query.limit).map((row) => toSummary(row, now));
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? listCursor.encode({ u: last.username.toLowerCase() }) : null,
      accountsLoaded: items.length > 0 || (await anyAccounts(db)),
    };
  }

  const offset = query.cursor ? searchCursor.decode(query.cursor).o : 0;
  const parts = matchQueries(planSearch(q), statusFilter);
  if (parts.length === 0) return { items: [], nextCursor: null, accountsLoaded: await anyAccounts(db) };
  // The page is ranked from the matches alone; only its rows are then read in full (home address,
  // duplicate count). How close a name or street must come is pg_trgm's threshold, set on every
  // connection (SESSION_SETTINGS).
  const statement = sql`with matches as (${sql.join(parts, sql` union all `)}),
        page as (
          select id, max(score) as score, min(sort_key) as sort_key from matches group by id
          order by max(score) desc, min(sort_key) limit ${query.limit + 1} offset ${offset}
        )
        select ${summarySelect}
        from page join accounts a on a.id = page.id ${homeAddressJoin}
        order by page.score desc, page.sort_key`;
  const rows = await queryRows<SummaryRow>(db, statement);
  const items = rows.slice(0, query.limit).map((row) => toSummary(row, now));
  const nextOffset = offset + query.limit;
  return {
    items,
    nextCursor:
      rows.length > query.limit && nextOffset <= MAX_SEARCH_DEPTH ? searchCursor.encode({ o: nextOffset }) : null,
    accountsLoaded: items.length > 0 || (await anyAccounts(db)),
  };
}

/** Whether the install holds any account at all (asked only when a search finds nothing). */
async function anyAccounts(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(db, sql`select exists (select 1 from accounts) as found`);
  return row?.found === true;
}
