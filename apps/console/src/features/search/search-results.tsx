import type { AccountStatus } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, type Ref, type RefObject, useEffect, useRef } from "react";
import { accountSearchQuery, hasSearchTerms } from "../../api/accounts.ts";
import { STATUS_LABELS } from "../../lib/account-words.ts";
import { plural } from "../../lib/format.ts";
import { Button } from "../../ui/button.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { ResultList } from "./result-list.tsx";
import { ResultsSkeleton } from "./results-skeleton.tsx";
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

/** The results area: hints before the first search, then searching, results, nothing found, or a problem. */
export function SearchResults({ q, status, listRef, onLeaveTop }: SearchResultsProps) {
  const search = { q, status };
  const results = useInfiniteQuery(accountSearchQuery(search));
  const accounts = results.data?.pages.flatMap((page) => page.items) ?? [];
  const focusAfterLoadRef = useRef<number | null>(null);

  // After "Load more", focus the first new account, so the keyboard carries on where the list grew.
  useEffect(() => {
    const index = focusAfterLoadRef.current;
    if (index === null || !listRef.current || accounts.length <= index) return;
    focusAfterLoadRef.current = null;
    listRef.current.querySelectorAll<HTMLAnchorElement>("a[data-result]")[index]?.focus();
  }, [accounts.length, listRef]);

  async function loadMore() {
    focusAfterLoadRef.current = accounts.length;
    await results.fetchNextPage();
  }

  let announcement = "";
  // When the body already says it in full (nothing found), the status line only speaks, it does not show.
  let announceOnly = false;
  let body: ReactNode;
  if (!hasSearchTerms(search)) {
    body = <SearchHints />;
  } else if (results.isPending) {
    announcement = "Searching…";
    body = <ResultsSkeleton />;
  } else if (results.isError && accounts.length === 0) {
    body = (
      <ProblemNotice
        error={results.error}
        title="The search did not work"
        actions={
          <Button variant="primary" onClick={() => results.refetch()}>
            Try again
          </Button>
        }
      />
    );
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
        {results.isFetchNextPageError ? (
          <ProblemNotice error={results.error} title="More results could not be loaded" />
        ) : null}
        {results.hasNextPage ? (
          <div className="load-more">
            <Button busy={results.isFetchingNextPage} onClick={loadMore}>
              {results.isFetchingNextPage ? "Loading more…" : "Load more results"}
            </Button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="results-heading" className="search-results" aria-busy={results.isFetching || undefined}>
      <div className="search-results__header">
        <h2 id="results-heading" className="section__title">
          Results
        </h2>
        <p role="status" className="search-results__count muted">
          {announceOnly ? <VisuallyHidden>{announcement}</VisuallyHidden> : announcement}
        </p>
      </div>
      {body}
    </section>
  );
}
