import type { ListedAuditEvent } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { type AuditFilters, auditEventsQuery } from "../../api/audit.ts";
import { Button } from "../../ui/button.tsx";
import { ListSection } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { Skeleton } from "../../ui/skeleton.tsx";
import { hasFilters } from "./audit-search.ts";
import { AuditTable, type AuditTableHandle } from "./audit-table.tsx";
import { events as eventCount, unknownNameNote } from "./audit-words.ts";
import { EventDrawer } from "./event-drawer.tsx";

/** A stable empty list, so the table's row model is not rebuilt while nothing has loaded. */
const NO_EVENTS: ListedAuditEvent[] = [];

type AuditResultsProps = {
  filters: AuditFilters;
  onClearFilters: () => void;
};

/** The events matching the filters: loading, nothing found, a problem, or the table and the event drawer. */
export function AuditResults({ filters, onClearFilters }: AuditResultsProps) {
  const results = useInfiniteQuery(auditEventsQuery(filters));
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = results;
  const pages = results.data?.pages;
  const events = useMemo(() => pages?.flatMap((page) => page.items) ?? NO_EVENTS, [pages]);
  const bySeq = useMemo(() => new Map(events.map((event) => [event.seq, event])), [events]);
  const tableRef = useRef<AuditTableHandle>(null);
  const [shown, setShown] = useState<ListedAuditEvent | null>(null);
  const openedFrom = useRef<number | null>(null);

  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isFetchNextPageError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  function open(event: ListedAuditEvent) {
    openedFrom.current = event.seq;
    setShown(event);
  }

  function returnFocus() {
    // Back to the row of the event last shown, or else the row the drawer was opened from.
    const table = tableRef.current;
    if (!table || (shown && table.focusEvent(shown.seq))) return;
    if (openedFrom.current !== null) table.focusEvent(openedFrom.current);
  }

  let announcement = "";
  let body: ReactNode;
  const unknownName = events.length === 0 ? unknownNameNote(results.error, filters) : null;
  if (results.isPending) {
    announcement = "Loading events…";
    body = <TableSkeleton />;
  } else if (unknownName) {
    // A name that belongs to no one is an answer, not a failure: said like "nothing matches".
    announcement = unknownName.note;
    body = (
      <div className="empty-state stack">
        <p>{unknownName.note}</p>
        <p className="muted">{unknownName.hint}</p>
        <p>
          <Button onClick={onClearFilters}>Clear filters</Button>
        </p>
      </div>
    );
  } else if (results.isError && events.length === 0) {
    body = (
      <ProblemNotice
        error={results.error}
        title="The audit trail could not be loaded"
        onRetry={() => results.refetch()}
      />
    );
  } else if (events.length === 0) {
    announcement = hasFilters(filters) ? "No events match these filters." : "The audit trail is empty.";
    body = (
      <div className="empty-state stack">
        <p>{announcement}</p>
        {hasFilters(filters) ? (
          <p>
            <Button onClick={onClearFilters}>Clear filters</Button>
          </p>
        ) : null}
      </div>
    );
  } else {
    announcement = hasNextPage
      ? `Showing the newest ${eventCount(events.length)}. More load as you scroll.`
      : `${eventCount(events.length)} found.`;
    body = (
      <>
        <AuditTable
          key={JSON.stringify(filters)}
          handleRef={tableRef}
          events={events}
          complete={!hasNextPage}
          onOpen={open}
          onNearEnd={loadMore}
        />
        {isFetchingNextPage ? <p className="muted">Loading more events…</p> : null}
        {isFetchNextPageError ? (
          <ProblemNotice
            error={results.error}
            title="More events could not be loaded"
            actions={<Button onClick={() => fetchNextPage()}>Try again</Button>}
          />
        ) : null}
        <EventDrawer
          event={shown}
          loaded={bySeq}
          onShow={setShown}
          onClose={() => setShown(null)}
          onReturnFocus={returnFocus}
        />
      </>
    );
  }

  return (
    <ListSection
      headingId="audit-results-heading"
      title="Events"
      className="stack"
      busy={results.isFetching}
      announcement={announcement}
      announceOnly={events.length === 0 && !results.isPending}
    >
      {body}
    </ListSection>
  );
}

function TableSkeleton() {
  return (
    <div className="audit-skeleton" aria-hidden="true">
      {["a", "b", "c", "d", "e", "f"].map((row) => (
        <Skeleton key={row} />
      ))}
    </div>
  );
}
