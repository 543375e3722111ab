import type { Merge, Staff } from "@recovery-desk/shared";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useId, useRef, useState } from "react";
import { mergesQuery } from "../../api/merges.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useNow } from "../../lib/use-now.ts";
import { Button } from "../../ui/button.tsx";
import { Section } from "../../ui/card.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { Dialog, DialogContent } from "../../ui/dialog.tsx";
import { AccountLink } from "./account-link.tsx";
import { DecisionDialog } from "./decision-dialog.tsx";
import { CLUSTERS_LABEL, DuplicateClusters } from "./duplicate-clusters.tsx";
import { canReviewMerges } from "./merge-guard.ts";
import { DECISION_WORDS, type Decision, MERGE_STATUS_TABS, PROPOSER_CANNOT_DECIDE } from "./merge-words.ts";

const routeApi = getRouteApi("/_authenticated/merges");

/** The supervisor's merge queue and history: one status at a time, each merge with its decision buttons. */
export function MergesScreen() {
  const { staff } = routeApi.useRouteContext();
  const search = routeApi.useSearch();
  const status = search.status ?? "pending_approval";
  const showClusters = search.view === "clusters";
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Opening the page puts the keyboard at its heading, right before the status tabs and the merges.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  if (!canReviewMerges(staff)) {
    return (
      <article className="stack stack--lg">
        <h1 ref={headingRef} tabIndex={-1}>
          Merges
        </h1>
        <p>This page is for supervisors and admins.</p>
      </article>
    );
  }

  return (
    <article className="stack stack--lg" aria-labelledby="merges-heading">
      <title>Merges — Recovery Desk</title>
      <h1 id="merges-heading" ref={headingRef} tabIndex={-1}>
        Merges
      </h1>
      <nav aria-label="Merge views">
        <ul className="cluster">
          {MERGE_STATUS_TABS.map((tab) => (
            <li key={tab.status}>
              <Link
                to="/merges"
                search={{ status: tab.status }}
                className="nav-link"
                aria-current={!showClusters && tab.status === status ? "page" : undefined}
              >
                {tab.label}
              </Link>
            </li>
          ))}
          <li>
            <Link
              to="/merges"
              search={{ view: "clusters" }}
              className="nav-link"
              aria-current={showClusters ? "page" : undefined}
            >
              {CLUSTERS_LABEL}
            </Link>
          </li>
        </ul>
      </nav>
      {showClusters ? <DuplicateClusters /> : <MergeList status={status} staff={staff} />}
    </article>
  );
}

function MergeList({ status, staff }: { status: Merge["status"]; staff: Staff }) {
  const { data } = useSuspenseQuery(mergesQuery(status));
  const label = MERGE_STATUS_TABS.find((tab) => tab.status === status)?.label ?? status;
  if (data.items.length === 0) return <p>No merges here: {label.toLowerCase()}.</p>;
  return (
    <ul className="stack" aria-label={`Merges: ${label}`}>
      {data.items.map((merge) => (
        <li key={merge.id}>
          <MergeCard merge={merge} staff={staff} />
        </li>
      ))}
    </ul>
  );
}

function MergeCard({ merge, staff }: { merge: Merge; staff: Staff }) {
  const now = useNow(60_000);
  const [decision, setDecision] = useState<Decision | null>(null);
  const noteId = useId();
  const ownProposal = merge.requestedBy === staff.username;
  const undoOpen =
    merge.status === "completed" && merge.undoAvailableUntil !== null && Date.parse(merge.undoAvailableUntil) > now;

  return (
    <Section title={`Merge ${merge.id}`}>
      <DescriptionList>
        <DescriptionItem term="Survivor">
          <AccountLink accountId={merge.survivorId} />
        </DescriptionItem>
        <DescriptionItem term="Merged into it">
          <ul>
            {merge.mergedIds.map((id) => (
              <li key={id}>
                <AccountLink accountId={id} />
              </li>
            ))}
          </ul>
        </DescriptionItem>
        <DescriptionItem term="Proposed by">
          {merge.requestedBy}, {formatDateTime(merge.requestedAt)}
        </DescriptionItem>
        <DescriptionItem term="Reason">{merge.reason}</DescriptionItem>
        <DescriptionItem term="Case">{merge.caseRef ?? "none"}</DescriptionItem>
        {merge.decidedBy && merge.decidedAt ? (
          <DescriptionItem term="Decided by">
            {merge.decidedBy}, {formatDateTime(merge.decidedAt)}
            {merge.decisionReason ? ` — ${merge.decisionReason}` : ""}
          </DescriptionItem>
        ) : null}
        {merge.undoneBy && merge.undoneAt ? (
          <DescriptionItem term="Undone by">
            {merge.undoneBy}, {formatDateTime(merge.undoneAt)}
          </DescriptionItem>
        ) : null}
        {undoOpen && merge.undoAvailableUntil ? (
          <DescriptionItem term="Can be undone until">{formatDateTime(merge.undoAvailableUntil)}</DescriptionItem>
        ) : null}
      </DescriptionList>
      {merge.status === "pending_approval" ? (
        <div className="cluster">
          <Button
            variant="primary"
            disabled={ownProposal}
            aria-describedby={ownProposal ? noteId : undefined}
            onClick={() => setDecision("approve")}
          >
            {DECISION_WORDS.approve.label}
          </Button>
          <Button
            variant="danger"
            disabled={ownProposal}
            aria-describedby={ownProposal ? noteId : undefined}
            onClick={() => setDecision("reject")}
          >
            {DECISION_WORDS.reject.label}
          </Button>
          {ownProposal ? (
            <p id={noteId} className="method__note method__note--off">
              {PROPOSER_CANNOT_DECIDE}: another supervisor decides.
            </p>
          ) : null}
        </div>
      ) : null}
      {undoOpen ? (
        <div className="cluster">
          <Button variant="danger" onClick={() => setDecision("undo")}>
            {DECISION_WORDS.undo.label}
          </Button>
        </div>
      ) : null}
      <Dialog
        open={decision !== null}
        onOpenChange={(open) => {
          if (!open) setDecision(null);
        }}
      >
        {decision ? (
          <DialogContent>
            <DecisionDialog merge={merge} decision={decision} onDone={() => setDecision(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}
