import type { Alert } from "@recovery-desk/shared";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { type AlertStatus, acknowledgeAlert, alertKeys, alertsQuery } from "../../api/alerts.ts";
import { isApiProblem } from "../../api/problem.ts";
import { formatDateTime, plural } from "../../lib/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { Dialog, DialogContent } from "../../ui/dialog.tsx";
import { CardsSkeleton, ListSection, MorePages, useLoadMore } from "../../ui/paged-list.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { useToast } from "../../ui/toast-context.ts";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { ReasonDialog } from "../recovery/reason-dialog.tsx";
import { ACKNOWLEDGE_WORDS, ALERT_KIND_LABELS, ALERT_SEVERITY_LABELS, ALERT_STATUS_TABS } from "./alert-words.ts";

const routeApi = getRouteApi("/_authenticated/alerts");

/** The supervisor's alerts: open ones to look into and acknowledge with a note, and those already acknowledged. */
export function AlertsScreen() {
  const search = routeApi.useSearch();
  const status = search.status ?? "open";
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening the page puts the keyboard at its heading, right before the status tabs and the alerts.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <article className="stack stack--lg" aria-labelledby="alerts-heading">
      <title>Alerts — Recovery Desk</title>
      <h1 id="alerts-heading" ref={headingRef} tabIndex={-1}>
        Alerts
      </h1>
      <nav aria-label="Alert views">
        <ul className="cluster">
          {ALERT_STATUS_TABS.map((tab) => (
            <li key={tab.status}>
              <Link
                to="/alerts"
                search={{ status: tab.status }}
                className="nav-link"
                aria-current={tab.status === status ? "page" : undefined}
              >
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AlertList key={status} status={status} />
    </article>
  );
}

function AlertList({ status }: { status: AlertStatus }) {
  const alerts = useInfiniteQuery(alertsQuery(status));
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const listRef = useRef<HTMLOListElement>(null);
  // After "Load more", the first new alert's heading takes focus.
  const loadMore = useLoadMore(alerts, items.length, listRef, "[data-alert] h3");
  const label = ALERT_STATUS_TABS.find((tab) => tab.status === status)?.label ?? status;

  let announcement = "";
  let announceOnly = false;
  let body: ReactNode;
  if (alerts.isPending) {
    announcement = "Loading alerts…";
    body = <CardsSkeleton className="stack" cardClassName="card section" />;
  } else if (alerts.isError && items.length === 0) {
    body = (
      <ProblemNotice error={alerts.error} title="The alerts could not be loaded" onRetry={() => alerts.refetch()} />
    );
  } else if (items.length === 0) {
    announcement = status === "open" ? "No open alerts." : "No acknowledged alerts.";
    announceOnly = true;
    body = <p className="empty-state">{announcement}</p>;
  } else {
    announcement = alerts.hasNextPage
      ? `Showing the newest ${plural(items.length, "alert", "alerts")}. More are available.`
      : `${plural(items.length, "alert", "alerts")}.`;
    body = (
      <>
        <ol ref={listRef} className="plain-list stack" aria-label={`${label} alerts, newest first`}>
          {items.map((alert) => (
            <li key={alert.id} data-alert>
              <AlertCard alert={alert} />
            </li>
          ))}
        </ol>
        <MorePages
          pages={alerts}
          onMore={loadMore}
          failedTitle="More alerts could not be loaded"
          label="Load more alerts"
        />
      </>
    );
  }

  return (
    <ListSection
      headingId="alert-list-heading"
      title={`${label} alerts`}
      className="stack"
      busy={alerts.isFetching}
      announcement={announcement}
      announceOnly={announceOnly}
    >
      {body}
    </ListSection>
  );
}

function AlertCard({ alert }: { alert: Alert }) {
  const headingId = useId();
  const [acknowledging, setAcknowledging] = useState(false);
  return (
    <section aria-labelledby={headingId} className="card section">
      <header className="section__header">
        <h3 id={headingId} className="section__title" tabIndex={-1}>
          {ALERT_KIND_LABELS[alert.kind]}
        </h3>
        <Badge tone={alert.severity === "high" ? "danger" : "warning"}>
          {ALERT_SEVERITY_LABELS[alert.severity]}
          <VisuallyHidden> severity</VisuallyHidden>
        </Badge>
      </header>
      <p>{alert.detail}</p>
      <DescriptionList>
        <DescriptionItem term="Raised">{formatDateTime(alert.raisedAt)}</DescriptionItem>
        {alert.accountId ? (
          <DescriptionItem term="Account">
            <Link to="/accounts/$accountId" params={{ accountId: alert.accountId }}>
              {alert.accountUsername ?? alert.accountId}
            </Link>
          </DescriptionItem>
        ) : null}
        {alert.staffUsername ? <DescriptionItem term="Staff">{alert.staffUsername}</DescriptionItem> : null}
        {alert.acknowledgedBy && alert.acknowledgedAt ? (
          <DescriptionItem term="Acknowledged by">
            {alert.acknowledgedBy}, {formatDateTime(alert.acknowledgedAt)}
            {alert.note ? ` — ${alert.note}` : ""}
          </DescriptionItem>
        ) : null}
      </DescriptionList>
      {alert.status === "open" ? (
        <div className="cluster">
          <Button variant="primary" onClick={() => setAcknowledging(true)}>
            {ACKNOWLEDGE_WORDS.label}
          </Button>
        </div>
      ) : null}
      <Dialog open={acknowledging} onOpenChange={setAcknowledging}>
        {acknowledging ? (
          <DialogContent>
            <AcknowledgeDialog alert={alert} onDone={() => setAcknowledging(false)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </section>
  );
}

/** The confirm step of acknowledging: what it does, and the supervisor's note, required. Ctrl/⌘+Enter confirms. */
function AcknowledgeDialog({ alert, onDone }: { alert: Alert; onDone: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: (note: string) => acknowledgeAlert(alert.id, { note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
      toast({ tone: "success", title: ACKNOWLEDGE_WORDS.done });
      onDone();
    },
    onError: (error) => {
      // Acknowledged meanwhile by someone else: the corner says who, and the lists show it as it is now
      // (the card, and this dialog with it, leaves the open list). Other failures stay in the dialog.
      if (!isApiProblem(error) || error.code !== "conflict") return;
      toast({ tone: "danger", title: ACKNOWLEDGE_WORDS.already, description: error.detail });
      onDone();
      void queryClient.invalidateQueries({ queryKey: alertKeys.all });
    },
  });
  return (
    <ReasonDialog
      title={ACKNOWLEDGE_WORDS.question}
      description={ACKNOWLEDGE_WORDS.outcome}
      problem={
        mutation.error ? <ProblemNotice error={mutation.error} title="The alert could not be acknowledged" /> : null
      }
      confirmLabel={ACKNOWLEDGE_WORDS.label}
      reasonLabel="Note"
      busy={mutation.isPending}
      onConfirm={(note) => mutation.mutate(note)}
    >
      <p>
        <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>: {alert.detail}
      </p>
    </ReasonDialog>
  );
}
