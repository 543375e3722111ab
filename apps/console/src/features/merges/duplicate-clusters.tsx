import type { DuplicateCluster } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { duplicateClustersQuery } from "../../api/merges.ts";
import { plural } from "../../lib/format.ts";
import { Button } from "../../ui/button.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { Skeleton } from "../../ui/skeleton.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { StatusBadge } from "../account/status-badge.tsx";

export const CLUSTERS_LABEL = "Duplicate clusters";

/** Accounts that share a normalised address, largest cluster first, with "Load more" for the next page. */
export function DuplicateClusters() {
  const clusters = useInfiniteQuery(duplicateClustersQuery());
  const items = clusters.data?.pages.flatMap((page) => page.items) ?? [];
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfterLoadRef = useRef<number | null>(null);

  // After "Load more", focus the first account of the first new cluster, so the keyboard carries on there.
  useEffect(() => {
    const index = focusAfterLoadRef.current;
    if (index === null || !listRef.current || items.length <= index) return;
    focusAfterLoadRef.current = null;
    listRef.current.querySelectorAll<HTMLElement>("[data-cluster]")[index]?.querySelector("a")?.focus();
  }, [items.length]);

  async function loadMore() {
    focusAfterLoadRef.current = items.length;
    await clusters.fetchNextPage();
  }

  let announcement = "";
  let announceOnly = false;
  let body: ReactNode;
  if (clusters.isPending) {
    announcement = "Loading duplicate clusters…";
    body = <ClustersSkeleton />;
  } else if (clusters.isError && items.length === 0) {
    body = (
      <ProblemNotice
        error={clusters.error}
        title="The duplicate clusters could not be loaded"
        actions={
          <Button variant="primary" onClick={() => clusters.refetch()}>
            Try again
          </Button>
        }
      />
    );
  } else if (items.length === 0) {
    announcement = "No duplicate clusters: no two accounts share an address.";
    announceOnly = true;
    body = <p className="empty-state">{announcement}</p>;
  } else {
    announcement = clusters.hasNextPage
      ? `Showing the ${plural(items.length, "largest cluster", "largest clusters")}. More are available.`
      : `${plural(items.length, "cluster", "clusters")}.`;
    body = (
      <>
        <ol ref={listRef} className="stack" aria-label="Duplicate clusters, largest first">
          {items.map((cluster) => (
            <li key={cluster.addressKey} data-cluster>
              <ClusterCard cluster={cluster} />
            </li>
          ))}
        </ol>
        {clusters.isFetchNextPageError ? (
          <ProblemNotice error={clusters.error} title="More clusters could not be loaded" />
        ) : null}
        {clusters.hasNextPage ? (
          <div className="load-more">
            <Button busy={clusters.isFetchingNextPage} onClick={loadMore}>
              {clusters.isFetchingNextPage ? "Loading more…" : "Load more clusters"}
            </Button>
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="clusters-heading" className="stack" aria-busy={clusters.isFetching || undefined}>
      <div className="search-results__header">
        <h2 id="clusters-heading" className="section__title">
          {CLUSTERS_LABEL}
        </h2>
        <p role="status" className="search-results__count muted">
          {announceOnly ? <VisuallyHidden>{announcement}</VisuallyHidden> : announcement}
        </p>
      </div>
      {body}
    </section>
  );
}

/** One address and the accounts at it, each a link to its account page. */
function ClusterCard({ cluster }: { cluster: DuplicateCluster }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="card section">
      <header className="section__header">
        <h3 id={headingId} className="section__title">
          <code>{cluster.addressKey}</code>
        </h3>
        <span className="muted">{plural(cluster.size, "account", "accounts")}</span>
      </header>
      <ul className="stack" aria-label={`Accounts at ${cluster.addressKey}`}>
        {cluster.accounts.map((account) => (
          <li key={account.id} className="cluster">
            <Link to="/accounts/$accountId" params={{ accountId: account.id }}>
              {account.displayName} ({account.username})
            </Link>
            <StatusBadge status={account.status} />
            <span className="muted">{account.emailMasked ?? "No email on file"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Grey cluster cards while the list loads; the words are announced beside it. */
function ClustersSkeleton() {
  return (
    <ul className="stack" aria-hidden="true">
      {[0, 1, 2].map((row) => (
        <li key={row} className="card section">
          <Skeleton className="skeleton--title" />
          <Skeleton className="skeleton--short" />
          <Skeleton />
        </li>
      ))}
    </ul>
  );
}
