import {
  type AccountStatus,
  type AccountSummary,
  maskEmail,
  maskPhone,
  type StatusReason,
} from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";

/** The columns every account summary query selects (see `summaryFrom`). */
export interface SummaryRow extends Record<string, unknown> {
  id: string;
  username: string;
  display_name: string;
  status: AccountStatus;
  status_reason: StatusReason | null;
  lock_kind: "temporary" | "hard" | null;
  locked_until: Date | string | null;
  email: string | null;
  phone: string | null;
  city: string | null;
  state: string | null;
  zip5: string | null;
  last_activity_at: Date | string | null;
  created_at: Date | string;
  duplicate_candidates: number | string;
}

/**
 * The select list and joins of an account summary: the account, its home address (or first
 * address), and how many other open accounts share that normalised address.
 */
export const summarySelect = sql`
  a.id, a.username::text as username, a.display_name, a.status, a.status_reason, a.lock_kind, a.locked_until,
  a.email::text as email, a.phone, h.city, h.state, h.zip5, a.last_activity_at, a.created_at,
  coalesce((
    select count(distinct o.account_id)::int
    from addresses o join accounts oa on oa.id = o.account_id
    where o.address_key = h.address_key and o.account_id <> a.id and oa.status not in ('merged', 'closed')
  ), 0) as duplicate_candidates`;

export const homeAddressJoin = sql`
  left join lateral (
    select ad.city, ad.state, ad.zip5, ad.address_key from addresses ad
    where ad.account_id = a.id
    order by (ad.kind = 'home') desc, ad.created_at, ad.id
    limit 1
  ) h on true`;

/** A temporary lock whose time has passed has ended by itself: the account is active again. */
export function lockHasEnded(kind: string | null, lockedUntil: Date | null, now: Date): boolean {
  return kind === "temporary" && lockedUntil !== null && lockedUntil <= now;
}

/** SQL condition for an account's effective status (a lapsed temporary lock counts as active). */
export function effectiveStatusIs(status: AccountStatus, now: Date): SQL {
  const lapsed = sql`(a.status = 'locked' and a.lock_kind = 'temporary' and a.locked_until <= ${now.toISOString()}::timestamptz)`;
  if (status === "active") return sql`(a.status = 'active' or ${lapsed})`;
  if (status === "locked") return sql`(a.status = 'locked' and not ${lapsed})`;
  return sql`a.status = ${status}`;
}

export function toDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(value);
}

export function toSummary(row: SummaryRow, now: Date): AccountSummary {
  const ended = lockHasEnded(row.lock_kind, toDate(row.locked_until), now);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    status: ended ? "active" : row.status,
    statusReason: ended ? null : row.status_reason,
    emailMasked: row.email ? maskEmail(row.email) : null,
    phoneMasked: row.phone ? maskPhone(row.phone) : null,
    city: row.city,
    state: row.state,
    zip5: row.zip5,
    lastActivityAt: toDate(row.last_activity_at)?.toISOString() ?? null,
    createdAt: (toDate(row.created_at) as Date).toISOString(),
    duplicateCandidates: Number(row.duplicate_candidates),
  };
}
