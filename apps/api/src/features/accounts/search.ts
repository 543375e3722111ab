import {
  type AccountSearchQuery,
  type AccountSummaryPage,
  normalizeName,
  normalizePhone,
  normalizeStreet,
  parseZip,
} from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { effectiveStatusIs, homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "./summary.ts";

/**
 * How close a name or street must come to the term (pg_trgm word similarity, 0–1). 0.45 lets one
 * swapped pair of letters through ("1200 Mian St" finds "1200 N Main St").
 */
const WORD_SIMILARITY_THRESHOLD = 0.45;

/** Relevance-ranked results page by offset, up to this depth; nobody reads 1,000 matches on a call. */
const MAX_SEARCH_DEPTH = 1000;

const SearchCursor = z.object({ o: z.number().int().min(0).max(MAX_SEARCH_DEPTH) });
const ListCursor = z.object({ u: z.string().max(200) });

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
  const name = normalizeName(term);
  const street = normalizeStreet(term);
  return {
    kind: "text",
    prefix: /\s/.test(term) ? null : term.toLowerCase(),
    name: /\p{L}/u.test(name) ? name : null,
    street: street.length >= 3 ? street : null,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** One `select id, score` per index that can answer the term; each uses its own index. */
function matchQueries(plan: SearchPlan): SQL[] {
  switch (plan.kind) {
    case "email":
      return [sql`select id, 1.0::real as score from accounts where email = ${plan.email}::citext`];
    case "phone":
      return [sql`select id, 1.0::real as score from accounts where phone = ${plan.phone}`];
    case "zip":
      return [sql`select account_id as id, 1.0::real as score from addresses where zip5 = ${plan.zip5}`];
    case "text": {
      const parts: SQL[] = [];
      if (plan.prefix) {
        parts.push(sql`select id, case when lower(username::text) = ${plan.prefix} then 1.0 else 0.9 end::real as score
          from accounts where lower(username::text) like ${`${escapeLike(plan.prefix)}%`}`);
      }
      if (plan.name) {
        parts.push(sql`select id, word_similarity(${plan.name}, name_search) as score
          from accounts where ${plan.name} <% name_search`);
      }
      if (plan.street) {
        parts.push(sql`select account_id as id, (word_similarity(${plan.street}, street_key) * 0.95)::real as score
          from addresses where ${plan.street} <% street_key`);
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
    const after = query.cursor ? decodeCursor(query.cursor, ListCursor).u : null;
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
      nextCursor: rows.length > query.limit && last ? encodeCursor({ u: last.username.toLowerCase() }) : null,
    };
  }

  const offset = query.cursor ? decodeCursor(query.cursor, SearchCursor).o : 0;
  const parts = matchQueries(planSearch(q));
  if (parts.length === 0) return { items: [], nextCursor: null };
  const statement = sql`with matches as (${sql.join(parts, sql` union all `)}),
        best as (select id, max(score) as score from matches group by id)
        select ${summarySelect}, best.score
        from best join accounts a on a.id = best.id ${homeAddressJoin}
        where ${statusFilter}
        order by best.score desc, lower(a.username::text)
        limit ${query.limit + 1} offset ${offset}`;
  // The similarity threshold is a setting of pg_trgm; SET LOCAL keeps it to this one search.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`));
    return queryRows<SummaryRow>(tx, statement);
  });
  const items = rows.slice(0, query.limit).map((row) => toSummary(row, now));
  const nextOffset = offset + query.limit;
  return {
    items,
    nextCursor: rows.length > query.limit && nextOffset <= MAX_SEARCH_DEPTH ? encodeCursor({ o: nextOffset }) : null,
  };
}
