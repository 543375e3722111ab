import {
  type AccountDetail,
  computeRisk,
  maskEmail,
  maskPhone,
  maskStreetLine,
  presentRisk,
  type SimSwapFact,
} from "@recovery-desk/shared";
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import type { VerificationRow } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import { type RiskRow, riskFactsOf, riskJoin, riskSelect, SIM_NOT_CHECKED } from "./risk.ts";
import { homeAddressJoin, lockHasEnded, type SummaryRow, summarySelect, toDate, toSummary } from "./summary.ts";

interface DetailRow extends SummaryRow, Partial<RiskRow> {
  email_verified: boolean;
  phone_verified: boolean;
  locked_at: Date | string | null;
  failed_login_count: number;
  merged_into: string | null;
  must_change_password: boolean;
  addresses: {
    id: string;
    kind: "home" | "mailing";
    line1: string;
    line2: string | null;
    city: string;
    state: string;
    zip5: string;
  }[];
  questions: { id: string; prompt: string }[];
  window_id?: string | null;
  window_method?: VerificationRow["method"] | null;
  window_case_ref?: string | null;
  window_verified_at?: Date | string | null;
  window_verified_until?: Date | string | null;
  window_evidence?: VerificationRow["evidence"] | null;
}

/** What the detail needs of an open verified window (a verification row has all of it). */
export type OpenWindow = Pick<
  VerificationRow,
  "id" | "accountId" | "method" | "caseRef" | "verifiedAt" | "verifiedUntil" | "evidence"
>;

/**
 * The one statement that reads an account in detail: the summary columns, the lock and channel
 * facts, the addresses (home first), the question prompts and, with `riskAt`, the risk facts,
 * in a single round trip.
 */
export function accountDetailStatement(
  accountId: string,
  windowOf?: { staffId: string; now: Date },
  riskAt?: Date,
): SQL {
  const window = windowOf
    ? sql`, w.id as window_id, w.method as window_method, w.case_ref as window_case_ref,
          w.verified_at as window_verified_at, w.verified_until as window_verified_until,
          w.evidence as window_evidence`
    : sql``;
  // The same window as `openWindow` (features/verification/window.ts) finds: verified, not yet over, latest first.
  const windowJoin = windowOf
    ? sql`left join lateral (
          select v.id, v.method, v.case_ref, v.verified_at, v.verified_until, v.evidence from verifications v
          where v.staff_id = ${windowOf.staffId} and v.account_id = a.id and v.status = 'verified'
            and v.verified_until > ${windowOf.now.toISOString()}::timestamptz
          order by v.verified_until desc limit 1
        ) w on true`
    : sql``;
  const risk = riskAt ? sql`, ${riskSelect}` : sql``;
  const riskJoined = riskAt ? riskJoin(riskAt) : sql``;
  return sql`select ${summarySelect}${window}${risk},
      a.email_verified, a.phone_verified, a.locked_at, a.failed_login_count, a.merged_into, a.must_change_password,
      coalesce((
        select json_agg(json_build_object('id', ad.id, 'kind', ad.kind, 'line1', ad.line1, 'line2', ad.line2,
                 'city', ad.city, 'state', ad.state, 'zip5', ad.zip5)
               order by (ad.kind = 'home') desc, ad.created_at, ad.id)
        from addresses ad where ad.account_id = a.id
      ), '[]'::json) as addresses,
      coalesce((
        select json_agg(json_build_object('id', q.id, 'prompt', q.prompt) order by q.position)
        from security_questions q where q.account_id = a.id
      ), '[]'::json) as questions
    from accounts a ${homeAddressJoin} ${windowJoin} ${riskJoined}
    where a.id = ${accountId}`;
}

/**
 * An account as an agent sees it. Contact data and house numbers are masked unless `window` is
 * the requesting agent's open verified window for this account; security questions come as
 * prompts only, never answers.
 */
export async function getAccountDetail(
  db: Executor,
  accountId: string,
  now: Date,
  window: OpenWindow | null = null,
  simSwap: SimSwapFact = SIM_NOT_CHECKED,
): Promise<AccountDetail> {
  const [row] = await queryRows<DetailRow>(db, accountDetailStatement(accountId, undefined, now));
  if (!row) throw notFound("The account");
  return toAccountDetail(row, now, window, simSwap);
}

/**
 * An account as `staffId` sees it, with their open verified window for it (if any) found in the
 * same statement: one round trip for the read an agent makes most.
 */
export async function readAccountAsStaff(
  db: Executor,
  accountId: string,
  staffId: string,
  now: Date,
  simSwap: SimSwapFact = SIM_NOT_CHECKED,
): Promise<{ detail: AccountDetail; window: OpenWindow | null }> {
  const [row] = await queryRows<DetailRow>(db, accountDetailStatement(accountId, { staffId, now }, now));
  if (!row) throw notFound("The account");
  const window: OpenWindow | null =
    row.window_id && row.window_method
      ? {
          id: row.window_id,
          accountId,
          method: row.window_method,
          caseRef: row.window_case_ref ?? null,
          verifiedAt: toDate(row.window_verified_at ?? null),
          verifiedUntil: toDate(row.window_verified_until ?? null),
          evidence: row.window_evidence ?? [],
        }
      : null;
  return { detail: toAccountDetail(row, now, window, simSwap), window };
}

function toAccountDetail(row: DetailRow, now: Date, window: OpenWindow | null, simSwap: SimSwapFact): AccountDetail {
  const accountId = row.id;
  const account = {
    emailVerified: row.email_verified,
    phoneVerified: row.phone_verified,
    lockKind: row.lock_kind,
    lockedAt: toDate(row.locked_at),
    lockedUntil: toDate(row.locked_until),
    failedLoginCount: row.failed_login_count,
    mergedInto: row.merged_into,
    mustChangePassword: row.must_change_password,
  };
  const addressRows = row.addresses;
  const questionRows = row.questions;

  const summary = toSummary(row, now);
  const open = window !== null && window.accountId === accountId;
  const email = row.email ? (open ? row.email : maskEmail(row.email)) : null;
  const phone = row.phone ? (open ? row.phone : maskPhone(row.phone)) : null;
  const locked =
    summary.status === "locked" &&
    account.lockKind &&
    account.lockedAt &&
    !lockHasEnded(account.lockKind, account.lockedUntil, now);
  return {
    ...summary,
    emailMasked: email,
    phoneMasked: phone,
    addresses: addressRows.map((a) => ({
      id: a.id,
      kind: a.kind,
      line1: open ? a.line1 : maskStreetLine(a.line1),
      line2: a.line2,
      city: a.city,
      state: a.state,
      zip5: a.zip5,
      masked: !open,
    })),
    channels: {
      email: { masked: email, verified: account.emailVerified },
      phone: { masked: phone, verified: account.phoneVerified },
    },
    lock:
      locked && account.lockKind && account.lockedAt
        ? {
            kind: account.lockKind,
            lockedAt: account.lockedAt.toISOString(),
            lockedUntil: account.lockKind === "temporary" ? (account.lockedUntil?.toISOString() ?? null) : null,
            failedLogins: account.failedLoginCount,
          }
        : null,
    mergedInto: account.mergedInto,
    mustChangePassword: account.mustChangePassword,
    securityQuestions: questionRows,
    contactMasked: !open,
    verification:
      open && window.verifiedAt && window.verifiedUntil
        ? {
            verificationId: window.id,
            method: window.method,
            caseRef: window.caseRef,
            verifiedAt: window.verifiedAt.toISOString(),
            verifiedUntil: window.verifiedUntil.toISOString(),
            evidence: window.evidence,
          }
        : null,
    risk: presentRisk(computeRisk(riskFactsOf(row as DetailRow & RiskRow, simSwap), now)),
  };
}
