import type { DuplicateCluster } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useId, useRef } from "react";
import { duplicateClustersQuery } from "../../api/merges.ts";
import { plural } from "../../lib/format.ts";
import { CardsSkeleton, ListSection, MorePages, useLoadMore } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { StatusBadge } from "../account/status-badge.tsx";

export const CLUSTERS_LABEL = "Duplicate clusters";

/** Accounts that share a normalised address, largest cluster first, with "Load more" for the next page. */
export function DuplicateClusters() {
  const clusters = useInfiniteQuery(duplicateClustersQuery());
  const items = clusters.data?.pages.flatMap((page) => page.items) ?? [];
  const listRef = useRef<HTMLOListElement>(null);
  // The first account of each cluster: after "Load more", the first new cluster's takes focus.
  const loadMore = useLoadMore(clusters, items.length, listRef, "[data-cluster] li:first-child > a");

  let announcement = "";
  let announceOnly = false;
  let body: ReactNode;
  if (clusters.isPending) {
    announcement = "Loading duplicate clusters…";
    body = <CardsSkeleton className="stack" cardClassName="card section" />;
  } else if (clusters.isError && items.length === 0) {
    body = (
      <ProblemNotice
        error={clusters.error}
        title="The duplicate clusters could not be loaded"
        onRetry={() => clusters.refetch()}
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
        <MorePages
          pages={clusters}
          onMore={loadMore}
          failedTitle="More clusters could not be loaded"
          label="Load more clusters"
        />
      </>
    );
  }

  return (
    <ListSection
      headingId="clusters-heading"
      title={CLUSTERS_LABEL}
      className="stack"
      busy={clusters.isFetching}
      announcement={announcement}
      announceOnly={announceOnly}
    >
      {body}
    </ListSection>
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
