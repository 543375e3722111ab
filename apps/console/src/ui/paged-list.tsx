import { type ReactNode, type RefObject, useEffect, useRef } from "react";
import { Button } from "./button.tsx";
import { ProblemNotice } from "./problem-notice.tsx";
import { Skeleton } from "./skeleton.tsx";
import { VisuallyHidden } from "./visually-hidden.tsx";

/** What the paging pieces read from an infinite query. */
type Pages = {
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
};

/**
 * "Load more" for a list that grows by pages. Once the next page is in, the first new item (the
 * `itemSelector` match at the old count) takes focus, so the keyboard carries on where the list grew
 * even when the button is gone.
 */
export function useLoadMore(
  pages: Pick<Pages, "fetchNextPage">,
  count: number,
  listRef: RefObject<HTMLElement | null>,
  itemSelector: string,
): () => Promise<void> {
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || !listRef.current || count <= from) return;
    focusFrom.current = null;
    listRef.current.querySelectorAll<HTMLElement>(itemSelector)[from]?.focus();
  }, [count, listRef, itemSelector]);

  return async () => {
    focusFrom.current = count;
    await pages.fetchNextPage();
  };
}

type MorePagesProps = {
  pages: Pages;
  onMore: () => void;
  /** The title of the notice when the next page failed. */
  failedTitle: string;
  /** The button's words, and what it says while the page is on its way. */
  label: string;
  busyLabel?: string;
};

/** Under a paged list: why the next page did not come, and the button that asks for it. */
export function MorePages({ pages, onMore, failedTitle, label, busyLabel = "Loading more…" }: MorePagesProps) {
  return (
    <>
      {pages.isFetchNextPageError ? <ProblemNotice error={pages.error} title={failedTitle} /> : null}
      {pages.hasNextPage ? (
        <div className="load-more">
          <Button busy={pages.isFetchingNextPage} onClick={onMore}>
            {pages.isFetchingNextPage ? busyLabel : label}
          </Button>
        </div>
      ) : null}
    </>
  );
}

type ListSectionProps = {
  headingId: string;
  title: ReactNode;
  className: string;
  busy: boolean;
  /** What the list holds now, in words, spoken as it changes. */
  announcement: string;
  /** The body already says it in full (nothing found): the status line then only speaks, it does not show. */
  announceOnly: boolean;
  children: ReactNode;
};

/** A list's section: its heading, a status line that says what it holds, and the list or what stands for it. */
export function ListSection({
  headingId,
  title,
  className,
  busy,
  announcement,
  announceOnly,
  children,
}: ListSectionProps) {
  return (
    <section aria-labelledby={headingId} className={className} aria-busy={busy || undefined}>
      <div className="search-results__header">
        <h2 id={headingId} className="section__title">
          {title}
        </h2>
        <p role="status" className="search-results__count muted">
          {announceOnly ? <VisuallyHidden>{announcement}</VisuallyHidden> : announcement}
        </p>
      </div>
      {children}
    </section>
  );
}

/** Three grey cards while a list loads, in the list's own classes; the words are announced beside it. */
export function CardsSkeleton({ className, cardClassName }: { className: string; cardClassName: string }) {
  return (
    <ul className={className} aria-hidden="true">
      {[0, 1, 2].map((row) => (
        <li key={row} className={cardClassName}>
          <Skeleton className="skeleton--title" />
          <Skeleton className="skeleton--short" />
          <Skeleton />
        </li>
      ))}
    </ul>
  );
}
