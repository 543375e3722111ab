import type { Webhook, WebhookDelivery } from "@recovery-desk/shared";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef } from "react";
import { webhookDeliveriesQuery } from "../../api/admin-webhooks.ts";
import { formatDateTime, formatTimeWithSeconds, plural } from "../../lib/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { MorePages, useLoadMore } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { DELIVERY_STATUS } from "./webhook-words.ts";

/** One attempt in words: "14:31:04 — HTTP 500" or "14:31:40 — 200 OK". */
function attemptText(attempt: WebhookDelivery["attempts"][number]): string {
  const outcome = attempt.error === null ? `${attempt.statusCode ?? ""} OK`.trim() : attempt.error;
  return `${formatTimeWithSeconds(attempt.at)} — ${outcome}`;
}

function DeliveryRow({ delivery }: { delivery: WebhookDelivery }) {
  const status = DELIVERY_STATUS[delivery.status];
  return (
    <tr>
      <th scope="row" tabIndex={-1} className="admin-table__name">
        <code>{delivery.event}</code>
        <span className="admin-table__sub">
          <time dateTime={delivery.createdAt}>{formatDateTime(delivery.createdAt)}</time>
        </span>
      </th>
      <td>
        <Badge tone={status.tone}>{status.label}</Badge>
        {delivery.nextAttemptAt ? (
          <span className="admin-table__sub">
            next try <time dateTime={delivery.nextAttemptAt}>{formatTimeWithSeconds(delivery.nextAttemptAt)}</time>
          </span>
        ) : null}
      </td>
      <td>
        {delivery.attempts.length === 0 ? (
          <span className="muted">Not tried yet</span>
        ) : (
          <ol className="plain-list webhook-attempts">
            {delivery.attempts.map((attempt) => (
              <li key={attempt.at}>
                <time dateTime={attempt.at}>{attemptText(attempt)}</time>
              </li>
            ))}
          </ol>
        )}
      </td>
      <td>
        <code className="webhook-delivery-id">{delivery.id}</code>
      </td>
    </tr>
  );
}

/**
 * The recent deliveries to one webhook, newest first: each event, whether it arrived, and every
 * attempt with the receiver's answer. The heading takes the keyboard when the section opens.
 */
export function WebhookDeliveries({ webhook }: { webhook: Webhook }) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const pages = useInfiniteQuery(webhookDeliveriesQuery(webhook.id));
  const deliveries = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const loadMore = useLoadMore(pages, deliveries.length, tableRef, "tbody th");

  useEffect(() => {
    if (webhook.id) headingRef.current?.focus();
  }, [webhook.id]);

  return (
    <section aria-labelledby={headingId} className="stack" aria-busy={pages.isFetching || undefined}>
      <div className="cluster webhook-deliveries__header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="section__title">
          Deliveries to <code>{webhook.url}</code>
        </h2>
        <Button size="sm" busy={pages.isRefetching} onClick={() => void pages.refetch()}>
          Refresh <VisuallyHidden>deliveries</VisuallyHidden>
        </Button>
      </div>
      <p role="status" className="muted">
        {pages.isPending
          ? "Loading deliveries…"
          : pages.isError
            ? ""
            : deliveries.length === 0
              ? "Nothing sent yet. Deliveries appear here when a chosen event happens."
              : `Showing the ${plural(deliveries.length, "latest delivery", "latest deliveries")}.`}
      </p>
      {pages.isError && !pages.isFetchNextPageError ? (
        <ProblemNotice error={pages.error} title="The deliveries could not be loaded" />
      ) : null}
      {deliveries.length > 0 ? (
        <div className="table-scroll">
          <table ref={tableRef} className="admin-table">
            <caption>
              <VisuallyHidden>{`Deliveries to ${webhook.url}, newest first`}</VisuallyHidden>
            </caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <code>webhook-id</code>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <DeliveryRow key={delivery.id} delivery={delivery} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <MorePages
        pages={pages}
        onMore={() => void loadMore()}
        failedTitle="Older deliveries could not be loaded"
        label="Show older deliveries"
      />
    </section>
  );
}
