import type { AccountStatus } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ReactNode, Ref, RefObject } from "react";
import { accountSearchQuery, hasSearchTerms } from "../../api/accounts.ts";
import { STATUS_LABELS } from "../../lib/account-words.ts";
import { plural } from "../../lib/format.ts";
import { CardsSkeleton, ListSection, MorePages, useLoadMore } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { NO_ACCOUNTS_YET, NoAccountsYet } from "./no-accounts-yet.tsx";
import { ResultList } from "./result-list.tsx";
import { SearchHints } from "./search-hints.tsx";

type SearchResultsProps = {
  q: string | undefined;
  status: AccountStatus | undefined;
  listRef: RefObject<HTMLOListElement | null>;
  onLeaveTop: () => void;
};

/** "No accounts match …" in the words the agent reads back to the caller. */
function emptyMessage(q: string | undefined, status: AccountStatus | undefined): string {
  const withStatus = status ? ` with status ${STATUS_LABELS[status]}` : "";
  if (!q) return `No accounts${withStatus}.`;
  const tip = status
    ? " Try “Any status”, a phone number, ZIP code or email."
    : " Try a phone number, ZIP code or email.";
  return `No accounts match “${q}”${withStatus}.${tip}`;
}

/**
 * The results area: hints before the first search, then searching, results, nothing found (or
 * nothing loaded yet, on an install without accounts), or a problem.
 */
export function SearchResults({ q, status, listRef, onLeaveTop }: SearchResultsProps) {
  const search = { q, status };
  const results = useInfiniteQuery(accountSearchQuery(search));
  const accounts = results.data?.pages.flatMap((page) => page.items) ?? [];
  const loadMore = useLoadMore(results, accounts.length, listRef, "a[data-result]");

  let announcement = "";
  let announceOnly = false;
  let body: ReactNode;
  if (!hasSearchTerms(search)) {
    body = <SearchHints />;
  } else if (results.isPending) {
    announcement = "Searching…";
    body = <CardsSkeleton className="result-list" cardClassName="result result--skeleton" />;
  } else if (results.isError && accounts.length === 0) {
    body = <ProblemNotice error={results.error} title="The search did not work" onRetry={() => results.refetch()} />;
  } else if (accounts.length === 0 && results.data?.pages[0]?.accountsLoaded === false) {
    announcement = NO_ACCOUNTS_YET;
    body = <NoAccountsYet />;
  } else if (accounts.length === 0) {
    announcement = emptyMessage(q, status);
    announceOnly = true;
    body = <p className="empty-state">{announcement}</p>;
  } else {
    announcement = results.hasNextPage
      ? `Showing the first ${plural(accounts.length, "account", "accounts")}. More are available.`
      : `${plural(accounts.length, "account", "accounts")} found.`;
    body = (
      <>
        <ResultList
          key={`${q ?? ""}|${status ?? ""}`}
          accounts={accounts}
          search={search}
          listRef={listRef as Ref<HTMLOListElement>}
          onLeaveTop={onLeaveTop}
        />
        <MorePages
          pages={results}
          onMore={loadMore}
          failedTitle="More results could not be loaded"
          label="Load more results"
        />
      </>
    );
  }

  return (
    <ListSection
      headingId="results-heading"
      title="Results"
      className="search-results"
      busy={results.isFetching}
      announcement={announcement}
      announceOnly={announceOnly}
    >
      {body}
    </ListSection>
  );
}
