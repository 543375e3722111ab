import { type Duplicates, scoreDuplicate } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { notFound } from "../../http/errors.ts";
import { homeAddressJoin, type SummaryRow, summarySelect, toSummary } from "../accounts/summary.ts";

interface CandidateRow extends SummaryRow {
  self_first_name: string;
  self_last_name: string;
  self_email: string | null;
  self_phone: string | null;
  address_key: string | null;
  first_name: string | null;
  last_name: string | null;
}

/**
 * Other open accounts at any of this account's normalised addresses, scored by what else agrees
 * and ranked best first, each with its reasons. One statement: the account, its address keys and
 * every candidate's summary come back in a single round trip (a row per candidate, or one row
 * without a candidate).
 */
export async function duplicateCandidates(db: Db, accountId: string, now: Date): Promise<Duplicates> {
  const rows = await queryRows<CandidateRow>(
    db,
    sql`with self as (
          select id, first_name, last_name, email::text as email, phone from accounts where id = ${accountId}
        ), keys as (
          select address_key, min(case when kind = 'home' then 0 else 1 end) as home_rank, min(created_at) as first_at
          from addresses where account_id = ${accountId} group by address_key
        )
        select s.first_name as self_first_name, s.last_name as self_last_name, s.email as self_email,
               s.phone as self_phone,
               (select address_key from keys order by home_rank, first_at, address_key limit 1) as address_key,
               c.*
        from self s
        left join lateral (
          select ${summarySelect}, a.first_name, a.last_name
          from accounts a ${homeAddressJoin}
          where a.id in (
            select o.account_id from addresses o join accounts oa on oa.id = o.account_id
            where o.address_key in (select address_key from keys) and o.account_id <> s.id
              and oa.status not in ('merged', 'closed')
          )
        ) c on true`,
  );
  const [first] = rows;
  if (!first) throw notFound("The account");
  const self = {
    firstName: first.self_first_name,
    lastName: first.self_last_name,
    email: first.self_email,
    phone: first.self_phone,
  };
  const candidates = rows
    .filter((row) => row.id !== null)
    .map((row) => {
      const { score, reasons } = scoreDuplicate(self, {
        firstName: row.first_name ?? "",
        lastName: row.last_name ?? "",
        email: row.email,
        phone: row.phone,
      });
      return { account: toSummary(row, now), score, reasons };
    })
    .sort((a, b) => b.score - a.score || a.account.username.localeCompare(b.account.username));
  return { addressKey: first.address_key, candidates };
}
