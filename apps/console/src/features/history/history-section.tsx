import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useRef } from "react";
import { timelineQuery } from "../../api/timeline.ts";
import { useNow } from "../../lib/use-now.ts";
import { Section } from "../../ui/card.tsx";
import { MorePages, useLoadMore } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { HistoryEntry } from "./history-entry.tsx";
import { HistorySkeleton } from "./history-skeleton.tsx";

/**
 * What happened to the account, newest first: locks, verifications, recoveries, unmasked views.
 * It reloads after every action on this page; "Show more" goes further back.
 */
export function HistorySection({ accountId }: { accountId: string }) {
  const history = useInfiniteQuery(timelineQuery(accountId));
  const now = useNow(60_000);
  const events = history.data?.pages.flatMap((page) => page.items) ?? [];
  const list = useRef<HTMLOListElement>(null);
  // Where each older page starts: those entries can take focus, so "Show more" can hand the keyboard on.
  const pageStarts = new Set<number>();
  let start = 0;
  for (const page of history.data?.pages ?? []) {
    if (start > 0) pageStarts.add(start);
    start += page.items.length;
  }

  // After "Show more", the keyboard carries on at the first older entry (the button may be gone).
  const showMore = useLoadMore(history, events.length, list, ":scope > li");

  let body: ReactNode;
  if (history.isPending) {
    body = (
      <>
        <p role="status" className="muted">
          Loading the history…
        </p>
        <HistorySkeleton />
      </>
    );
  } else if (history.isError && events.length === 0) {
    body = (
      <ProblemNotice error={history.error} title="The history could not be loaded" onRetry={() => history.refetch()} />
    );
  } else if (events.length === 0) {
    body = <p className="empty-state">Nothing has happened on this account yet.</p>;
  } else {
    body = (
      <>
        <ol ref={list} className="plain-list history__list">
          {events.map((event, index) => (
            <HistoryEntry key={event.id} event={event} now={now} startsPage={pageStarts.has(index)} />
          ))}
        </ol>
        <MorePages
          pages={history}
          onMore={showMore}
          failedTitle="Older entries could not be loaded"
          label="Show more"
          busyLabel="Loading…"
        />
      </>
    );
  }

  return (
    <Section title="History" className="history" aria-busy={history.isFetching || undefined}>
      {body}
    </Section>
  );
}
