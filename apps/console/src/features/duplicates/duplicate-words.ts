import type { AccountDetail, AccountSummary } from "@recovery-desk/shared";
import { STATUS_LABELS } from "../../lib/account-words.ts";
import { formatDate, formatPlace } from "../../lib/format.ts";

/** At or above this score the accounts most likely belong to one person. */
export const LIKELY_SCORE = 0.75;

/** The score in words, for the agent to read out loud if asked. */
export function likelihoodWords(score: number): string {
  return score >= LIKELY_SCORE ? "likely the same person" : "possibly the same person";
}

/** The most merged into one survivor at once, as the API allows. */
export const MAX_MERGED = 3;

export type ComparisonRow = { label: string; values: string[]; differs: boolean[] };

const NONE = "—";

/** The street of the home address, when the account is the one open (summaries carry only the place). */
function street(account: AccountSummary | AccountDetail): string | null {
  if (!("addresses" in account)) return null;
  const home = account.addresses.find((a) => a.kind === "home") ?? account.addresses[0];
  return home ? [home.line1, home.line2].filter(Boolean).join(", ") : null;
}

const FIELDS: { label: string; value: (account: AccountSummary | AccountDetail) => string | null }[] = [
  { label: "Name", value: (a) => a.displayName },
  { label: "Username", value: (a) => a.username },
  { label: "Email", value: (a) => a.emailMasked },
  { label: "Phone", value: (a) => a.phoneMasked },
  { label: "Street", value: street },
  { label: "City, state, ZIP", value: (a) => formatPlace(a.city, a.state, a.zip5) },
  { label: "Status", value: (a) => STATUS_LABELS[a.status] },
  { label: "Last activity", value: (a) => (a.lastActivityAt ? formatDate(a.lastActivityAt) : null) },
  { label: "Created", value: (a) => formatDate(a.createdAt) },
];

/**
 * The field-by-field comparison: one row per field, one value per account, the first account being
 * the one the others are compared with (the open account, or a merge's survivor). A value differs
 * when it is not the first account's; an unknown value never differs.
 */
export function comparisonRows(accounts: (AccountSummary | AccountDetail)[]): ComparisonRow[] {
  // A field no account has a value for (e.g. the street, which summaries do not carry) says nothing: left out.
  const known = FIELDS.filter(({ value }) => accounts.some((account) => value(account) !== null));
  return known.map(({ label, value }) => {
    const raw = accounts.map(value);
    const base = raw[0] ?? null;
    return {
      label,
      values: raw.map((v) => v ?? NONE),
      differs: raw.map((v, index) => index > 0 && v !== null && base !== null && v !== base),
    };
  });
}
