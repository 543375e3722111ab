import type { ListedAuditEvent } from "@recovery-desk/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { auditEventBySeqQuery } from "../../api/audit-locate.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { ArrowLeftIcon, CheckIcon, CrossIcon } from "../../ui/icons.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { ACTOR_TYPE_LABELS, actionLabel, formatCount, formatEventTime, formatUtc } from "./audit-words.ts";
import { CopyButton } from "./copy-button.tsx";

type EventDrawerProps = {
  /** The event shown; null when the drawer is closed. */
  event: ListedAuditEvent | null;
  onClose: () => void;
  /** Events already loaded by the table, by sequence number, so the previous one often needs no call. */
  loaded: ReadonlyMap<number, ListedAuditEvent>;
  /** Shows another event (the previous one) in the drawer. */
  onShow: (event: ListedAuditEvent) => void;
  /** Where focus goes when the drawer closes (the event's row). */
  onReturnFocus: () => void;
};

/**
 * One event in full, in a sheet at the side of the page: every field, the details as JSON, and its
 * place in the chain — its previous hash beside the previous event's hash, which must be the same.
 */
export function EventDrawer({ event, onClose, loaded, onShow, onReturnFocus }: EventDrawerProps) {
  // After "Previous event" the drawer shows another event: reading starts again at its title.
  const [movedInChain, setMovedInChain] = useState(false);
  return (
    <Dialog
      open={event !== null}
      onOpenChange={(open) => {
        if (open) return;
        setMovedInChain(false);
        onClose();
      }}
    >
      {event ? (
        <DialogContent
          className="audit-sheet"
          onCloseAutoFocus={(focusEvent) => {
            focusEvent.preventDefault();
            onReturnFocus();
          }}
        >
          <EventSheet
            key={event.seq}
            event={event}
            loaded={loaded}
            focusTitle={movedInChain}
            onShow={(previous) => {
              setMovedInChain(true);
              onShow(previous);
            }}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

type EventSheetProps = Pick<EventDrawerProps, "loaded" | "onShow"> & { event: ListedAuditEvent; focusTitle: boolean };

function EventSheet({ event, loaded, onShow, focusTitle }: EventSheetProps) {
  const titleRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, [focusTitle]);

  return (
    <div className="stack stack--lg">
      <header className="audit-sheet__header">
        <div className="stack">
          <DialogTitle ref={titleRef} tabIndex={-1}>
            Event {formatCount(event.seq)}: {actionLabel(event.action)}
          </DialogTitle>
          <DialogDescription>
            {formatEventTime(event.occurredAt)} by {event.actor.name}
          </DialogDescription>
        </div>
        <DialogClose asChild>
          <Button size="sm">
            <CrossIcon />
            Close
          </Button>
        </DialogClose>
      </header>

      <DescriptionList className="audit-sheet__fields">
        <DescriptionItem term="Sequence">{formatCount(event.seq)}</DescriptionItem>
        <DescriptionItem term="Time">
          <time dateTime={event.occurredAt}>{formatEventTime(event.occurredAt)}</time>
          <br />
          <span className="audit-mono muted">{formatUtc(event.occurredAt)}</span>
        </DescriptionItem>
        <DescriptionItem term="Actor">
          {ACTOR_TYPE_LABELS[event.actor.type]}: {event.actor.name}
          {event.actor.id ? (
            <>
              <br />
              <code className="audit-mono">{event.actor.id}</code>
            </>
          ) : null}
        </DescriptionItem>
        <DescriptionItem term="Action">
          {actionLabel(event.action)}
          <br />
          <code className="audit-mono">{event.action}</code>
        </DescriptionItem>
        <DescriptionItem term="Account">
          {event.accountId && event.account ? (
            <>
              <Link to="/accounts/$accountId" params={{ accountId: event.accountId }}>
                {event.account.username}
              </Link>
              <br />
              <code className="audit-mono">{event.accountId}</code>
            </>
          ) : event.accountId ? (
            <Link to="/accounts/$accountId" params={{ accountId: event.accountId }} className="audit-mono">
              {event.accountId}
            </Link>
          ) : (
            <None />
          )}
        </DescriptionItem>
        <DescriptionItem term="Case reference">
          {event.caseRef ? <code className="audit-mono">{event.caseRef}</code> : <None />}
        </DescriptionItem>
        <DescriptionItem term="Reason">
          {event.reason ? <span className="audit-sheet__reason">{event.reason}</span> : <None />}
        </DescriptionItem>
        <DescriptionItem term="Request id">
          {event.requestId ? <code className="audit-mono">{event.requestId}</code> : <None />}
        </DescriptionItem>
        <DescriptionItem term="Client address">
          {event.ip ? <code className="audit-mono">{event.ip}</code> : <None />}
        </DescriptionItem>
        <DescriptionItem term="Event id">
          <code className="audit-mono">{event.id}</code>
        </DescriptionItem>
      </DescriptionList>

      <section className="stack" aria-labelledby="audit-sheet-details">
        <h3 id="audit-sheet-details" className="section__title">
          Details
        </h3>
        <pre className="audit-json">{JSON.stringify(event.details, null, 2)}</pre>
      </section>

      <ChainLink event={event} loaded={loaded} onShow={onShow} />
    </div>
  );
}

function None() {
  return <span className="muted">None</span>;
}

/** The event's link to the one before it: this event's `prevHash` must be that event's `hash`. */
function ChainLink({
  event,
  loaded,
  onShow,
}: Pick<EventDrawerProps, "loaded" | "onShow"> & { event: ListedAuditEvent }) {
  const previousSeq = event.seq - 1;
  const inTable = loaded.get(previousSeq);
  // Not in the table (e.g. the table is filtered to one account): one small call finds it by its time.
  const lookup = useQuery({
    ...auditEventBySeqQuery(previousSeq, event.occurredAt),
    enabled: previousSeq >= 1 && !inTable,
  });
  const previous = inTable ?? lookup.data ?? null;
  const linked = previous ? previous.hash === event.prevHash : null;

  return (
    <section className="stack" aria-labelledby="audit-sheet-chain">
      <h3 id="audit-sheet-chain" className="section__title">
        Place in the chain
      </h3>
      <DescriptionList>
        <DescriptionItem term="Hash">
          <HashText hash={event.hash} label="Copy this event's hash" />
        </DescriptionItem>
        <DescriptionItem term="Previous hash">
          <HashText hash={event.prevHash} label="Copy the previous hash" />
        </DescriptionItem>
        {previousSeq >= 1 ? (
          <DescriptionItem term={`Hash of event ${formatCount(previousSeq)}`}>
            {previous ? (
              <HashText hash={previous.hash} label={`Copy the hash of event ${formatCount(previousSeq)}`} />
            ) : lookup.isPending ? (
              <span className="muted">Loading…</span>
            ) : lookup.isError ? (
              <ProblemNotice error={lookup.error} title={`Event ${formatCount(previousSeq)} could not be loaded`} />
            ) : (
              <span>Event {formatCount(previousSeq)} could not be found in the trail.</span>
            )}
          </DescriptionItem>
        ) : null}
      </DescriptionList>
      {previousSeq < 1 ? (
        <p>This is the first event: its previous hash is 64 zeros, where the chain starts.</p>
      ) : linked === true ? (
        <p className="audit-link-state">
          <Badge tone="success" icon={<CheckIcon />}>
            Linked
          </Badge>{" "}
          The previous hash is the hash of event {formatCount(previousSeq)}.
        </p>
      ) : linked === false ? (
        <p className="audit-link-state">
          <Badge tone="danger" icon={<CrossIcon />}>
            Not linked
          </Badge>{" "}
          The previous hash is not the hash of event {formatCount(previousSeq)}: the chain is broken here. Run a chain
          check.
        </p>
      ) : null}
      {previous ? (
        <div className="cluster">
          <Button onClick={() => onShow(previous)}>
            <ArrowLeftIcon />
            Previous event
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function HashText({ hash, label }: { hash: string; label: string }) {
  return (
    <span className="audit-hash-full">
      <code className="audit-mono">{hash}</code>
      <CopyButton value={hash} label={label} />
    </span>
  );
}
