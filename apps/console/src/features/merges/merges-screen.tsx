import type { AccountSummary, ListedMerge, Merge, Staff } from "@recovery-desk/shared";
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
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { DecisionDialog } from "./decision-dialog.tsx";
import { CLUSTERS_LABEL, DuplicateClusters } from "./duplicate-clusters.tsx";
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
    <ul className="plain-list stack" aria-label={`Merges: ${label}`}>
      {data.items.map((merge) => (
        <li key={merge.id}>
          <MergeCard merge={merge} staff={staff} />
        </li>
      ))}
    </ul>
  );
}

/** A decision dialog opens at its reason, ready to confirm, even when the accounts' comparison comes first. */
function focusReason(event: Event) {
  const reason = event.currentTarget instanceof HTMLElement ? event.currentTarget.querySelector("textarea") : null;
  if (!reason) return;
  event.preventDefault();
  reason.focus();
}

/** "Ana Silva (ana.silva)": how a merge names its accounts. */
const accountName = (account: AccountSummary) => `${account.displayName} (${account.username})`;

function AccountName({ account }: { account: AccountSummary }) {
  return (
    <Link to="/accounts/$accountId" params={{ accountId: account.id }}>
      {accountName(account)}
    </Link>
  );
}

/** "Survivor ← merged": the arrow is for the eye; a screen reader hears "… merging in …". */
function MergeTitle({ merge }: { merge: ListedMerge }) {
  return (
    <>
      {accountName(merge.survivor)} <VisuallyHidden>merging in</VisuallyHidden>
      <span aria-hidden="true">←</span> {merge.merged.map(accountName).join(", ")}
    </>
  );
}

function MergeCard({ merge, staff }: { merge: ListedMerge; staff: Staff }) {
  const now = useNow(60_000);
  const [decision, setDecision] = useState<Decision | null>(null);
  const noteId = useId();
  const ownProposal = merge.requestedBy === staff.username;
  const undoOpen =
    merge.status === "completed" && merge.undoAvailableUntil !== null && Date.parse(merge.undoAvailableUntil) > now;

  return (
    <Section title={<MergeTitle merge={merge} />}>
      <DescriptionList>
        <DescriptionItem term="Survivor">
          <AccountName account={merge.survivor} />
        </DescriptionItem>
        <DescriptionItem term="Merged into it">
          <ul className="plain-list" aria-label="Merged into the survivor">
            {merge.merged.map((account) => (
              <li key={account.id}>
                <AccountName account={account} />
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
        <DescriptionItem term="Merge id">
          <code>{merge.id}</code>
        </DescriptionItem>
      </DescriptionList>
      {merge.status === "pending_approval" ? (
        <div className="cluster">
          {(["approve", "reject"] as const).map((decision) => (
            <Button
              key={decision}
              variant={decision === "approve" ? "primary" : "danger"}
              disabled={ownProposal}
              aria-describedby={ownProposal ? noteId : undefined}
              onClick={() => setDecision(decision)}
            >
              {DECISION_WORDS[decision].label}
            </Button>
          ))}
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
          <DialogContent onOpenAutoFocus={focusReason}>
            <DecisionDialog merge={merge} decision={decision} onDone={() => setDecision(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}
