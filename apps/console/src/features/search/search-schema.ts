import { ACCOUNT_STATUSES, type AccountStatus } from "@recovery-desk/shared";

export type AccountSearchSearch = { q?: string | undefined; status?: AccountStatus | undefined };

/**
 * What the agent searched for, kept in the URL (`/accounts?q=62701&status=locked`) so the back
 * button, a reload or a shared link shows the same results. A value that cannot be read is dropped:
 * its key stays, with nothing in it, so the router does not keep the raw value. A plain function
 * rather than a schema: every page's URL check loads with the first page, and the schema library is
 * too big for that.
 */
export function AccountSearchSearch(search: Record<string, unknown>): AccountSearchSearch {
  const result: AccountSearchSearch = {};
  if ("q" in search) {
    const q = typeof search.q === "string" ? search.q.trim() : "";
    result.q = q && q.length <= 200 ? q : undefined;
  }
  if ("status" in search) {
    const { status } = search;
    result.status =
      typeof status === "string" && (ACCOUNT_STATUSES as readonly string[]).includes(status)
        ? (status as AccountStatus)
        : undefined;
  }
  return result;
}
