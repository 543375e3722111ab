import type { AccountStatus } from "@recovery-desk/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";
import { AccountDetail, AccountSummaryPage } from "./contract.ts";

/** How many accounts one page of search results holds; an agent scans these by eye. */
export const SEARCH_PAGE_SIZE = 25;

export type AccountSearchParams = { q?: string | undefined; status?: AccountStatus | undefined };

export const accountKeys = {
  all: ["accounts"] as const,
  search: (params: AccountSearchParams) =>
    [...accountKeys.all, "search", { q: params.q ?? "", status: params.status ?? null }] as const,
  detail: (id: string) => [...accountKeys.all, "detail", id] as const,
  /** Under the account's own key, so reloading the account (e.g. after verification) reloads its history too. */
  timeline: (id: string) => [...accountKeys.detail(id), "timeline"] as const,
};

/** True when there is something to search for; an empty box shows the hints instead. */
export function hasSearchTerms(params: AccountSearchParams): boolean {
  return Boolean(params.q?.trim()) || Boolean(params.status);
}

/** Search results, page by page ("Load more" asks for the next cursor). */
export function accountSearchQuery(params: AccountSearchParams) {
  return infiniteQueryOptions({
    queryKey: accountKeys.search(params),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        apiUrl("/accounts", {
          q: params.q?.trim(),
          status: params.status,
          limit: SEARCH_PAGE_SIZE,
          cursor: pageParam,
        }),
        { schema: AccountSummaryPage, signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    enabled: hasSearchTerms(params),
  });
}

/** One account with its masked contact data, lock, addresses and question prompts. */
export function accountQuery(id: string) {
  return queryOptions({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(apiUrl(`/accounts/${encodeURIComponent(id)}`), { schema: AccountDetail, signal }),
  });
}
