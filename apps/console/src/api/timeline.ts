import { AuditEventPage } from "@recovery-desk/shared";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { apiFetch, apiUrl } from "./client.ts";

/** How many events one page of an account's history holds; "Show more" asks for the next. */
export const TIMELINE_PAGE_SIZE = 20;

/** What happened to the account, newest first, page by page. */
export function timelineQuery(accountId: string) {
  return infiniteQueryOptions({
    queryKey: accountKeys.timeline(accountId),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        apiUrl(`/accounts/${encodeURIComponent(accountId)}/timeline`, {
          limit: TIMELINE_PAGE_SIZE,
          cursor: pageParam,
        }),
        { schema: AuditEventPage, signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
