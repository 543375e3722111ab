import type { AuditEvent, ChainState } from "@recovery-desk/shared";
import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { chainStateQuery } from "../../api/audit.ts";
import { auditEventBySeqQuery } from "../../api/audit-locate.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { Section } from "../../ui/card.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";
import { AlertIcon, CheckIcon, InfoIcon } from "../../ui/icons.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { Progress } from "../../ui/progress.tsx";
import { events as eventCount, formatCount, formatEventTime, shortHash } from "./audit-words.ts";
import { CopyButton } from "./copy-button.tsx";
import { type CheckMode, type CheckOutcome, useChainCheck } from "./use-chain-check.ts";

const range = (fromSeq: number, toSeq: number) =>
  fromSeq === toSeq ? `event ${formatCount(fromSeq)}` : `events ${formatCount(fromSeq)}–${formatCount(toSeq)}`;

/** "Intact", "Broken at event N" or "Not checked yet", from the last recorded check. */
function ChainStatus({ state }: { state: ChainState }) {
  const last = state.lastCheck;
  if (!last) return <Badge icon={<InfoIcon />}>Not checked yet</Badge>;
  if (last.ok) {
    return (
      <Badge tone="success" icon={<CheckIcon />}>
        Intact
      </Badge>
    );
  }
  return (
    <Badge tone="danger" icon={<AlertIcon />}>
      Broken at event {formatCount(last.firstBadSeq ?? last.toSeq)}
    </Badge>
  );
}

type ChainPanelProps = {
  /** Filters the table to one event, e.g. the first that does not fit the chain. */
  onShowEvent: (event: AuditEvent) => void;
};

/**
 * Whether the trail is intact: the head of the chain, the last check and the last checkpoint, and a
 * check on demand that walks the chain range by range with a progress bar.
 */
export function ChainPanel({ onShowEvent }: ChainPanelProps) {
  const { data: state } = useSuspenseQuery(chainStateQuery());
  const check = useChainCheck();
  const [mode, setMode] = useState<CheckMode>("since_checkpoint");
  const last = state.lastCheck;
  const checkpoint = state.lastCheckpoint;
  const sinceFrom = checkpoint ? checkpoint.seq + 1 : 1;
  const modes: [CheckMode, string][] = [
    [
      "since_checkpoint",
      `Since the last checkpoint (${state.headSeq >= sinceFrom ? range(sinceFrom, state.headSeq) : "nothing new"})`,
    ],
    ["everything", `Everything (${state.headSeq > 0 ? range(1, state.headSeq) : "no events yet"})`],
  ];
  const brokenAt = last && !last.ok ? (last.firstBadSeq ?? last.toSeq) : null;

  return (
    <Section title="Chain of events" aside={<ChainStatus state={state} />} className="audit-chain">
      <DescriptionList className="dl--compact">
        <DescriptionItem term="Last checked">
          {last ? (
            <>
              {formatEventTime(last.checkedAt)} by {last.by}, {range(last.fromSeq, last.toSeq)}
              {last.ok ? "" : ` — event ${formatCount(brokenAt ?? last.toSeq)} does not fit`}
            </>
          ) : (
            "Never"
          )}
        </DescriptionItem>
        <DescriptionItem term="Head">
          {state.headSeq > 0 ? (
            <ShortHash hash={state.headHash} copyLabel="Copy the head hash">
              Event {formatCount(state.headSeq)}
            </ShortHash>
          ) : (
            "No events yet"
          )}
        </DescriptionItem>
        <DescriptionItem term="Last checkpoint">
          {checkpoint ? (
            <ShortHash hash={checkpoint.hash} copyLabel="Copy the checkpoint hash">
              Event {formatCount(checkpoint.seq)}, {formatEventTime(checkpoint.checkedAt)}
            </ShortHash>
          ) : (
            "None yet"
          )}
        </DescriptionItem>
      </DescriptionList>

      {brokenAt !== null && !check.running && !check.outcome ? (
        <Alert tone="danger" title={`The chain is broken at event ${formatCount(brokenAt)}`}>
          <p>That event was changed, removed or put out of order after it was written.</p>
          <BadEventButton seq={brokenAt} onShowEvent={onShowEvent} />
        </Alert>
      ) : null}

      <fieldset className="audit-chain__modes" disabled={check.running}>
        <legend className="label">Check</legend>
        {modes.map(([value, label]) => (
          <label key={value} className="audit-radio">
            <input
              type="radio"
              name="chain-check-mode"
              value={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="cluster">
        <Button variant="primary" busy={check.running} onClick={() => (check.running ? undefined : check.run(mode))}>
          {check.running ? "Checking the chain…" : "Check the chain now"}
        </Button>
        {check.running ? <Button onClick={check.stop}>Stop</Button> : null}
      </div>

      {check.progress ? (
        <div className="stack audit-chain__progress">
          <Progress
            aria-label="Chain check progress"
            value={check.progress.checked}
            max={check.progress.total}
            getValueLabel={(value, max) => `${formatCount(value)} of ${eventCount(max)} checked`}
          />
          <p role="status" className="muted">
            {check.running
              ? `Checked ${formatCount(check.progress.checked)} of ${eventCount(check.progress.total)}…`
              : ""}
          </p>
        </div>
      ) : null}

      <AlertRegion>
        {check.outcome ? <OutcomeNotice outcome={check.outcome} onShowEvent={onShowEvent} /> : null}
        {check.error ? <ProblemNotice error={check.error} title="The check could not be finished" /> : null}
      </AlertRegion>
    </Section>
  );
}

function OutcomeNotice({
  outcome,
  onShowEvent,
}: {
  outcome: CheckOutcome;
  onShowEvent: ChainPanelProps["onShowEvent"];
}) {
  const what = outcome.toSeq >= outcome.fromSeq ? range(outcome.fromSeq, outcome.toSeq) : "nothing new";
  switch (outcome.kind) {
    case "intact":
      return (
        <Alert tone="success" title="The chain is intact">
          <p>
            {eventCount(outcome.checked)} checked ({what}): every event is as it was written.
          </p>
        </Alert>
      );
    case "broken":
      return (
        <Alert tone="danger" title={`The chain is broken at event ${formatCount(outcome.firstBadSeq)}`}>
          <p>
            Every event before it fits. Event {formatCount(outcome.firstBadSeq)} was changed, removed or put out of
            order after it was written; the check stopped there.
          </p>
          <BadEventButton seq={outcome.firstBadSeq} onShowEvent={onShowEvent} />
        </Alert>
      );
    case "stopped":
      return (
        <Alert tone="info" title="Check stopped">
          <p>{eventCount(outcome.checked)} checked before you stopped it; nothing wrong was found in them.</p>
        </Alert>
      );
  }
}

/**
 * "Show event N in the table": the API filters by time, not by sequence number, so the event is
 * found first (by its time) and the table is then filtered to that moment.
 */
function BadEventButton({ seq, onShowEvent }: { seq: number; onShowEvent: ChainPanelProps["onShowEvent"] }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<"idle" | "finding" | "missing" | "failed">("idle");

  async function show() {
    setState("finding");
    try {
      const event = await queryClient.fetchQuery(auditEventBySeqQuery(seq));
      if (!event) {
        setState("missing");
        return;
      }
      setState("idle");
      onShowEvent(event);
    } catch {
      setState("failed");
    }
  }

  return (
    <div className="stack">
      <div className="cluster">
        <Button busy={state === "finding"} onClick={() => (state === "finding" ? undefined : show())}>
          {state === "finding" ? `Finding event ${formatCount(seq)}…` : `Show event ${formatCount(seq)} in the table`}
        </Button>
      </div>
      {state === "missing" ? (
        <p>Event {formatCount(seq)} could not be found by its time: it may have been removed, or its time changed.</p>
      ) : null}
      {state === "failed" ? <p>Event {formatCount(seq)} could not be looked up. Try again.</p> : null}
    </div>
  );
}

/** An event and its hash, shortened (the whole one on hover), with a button that copies the whole one. */
function ShortHash({ hash, copyLabel, children }: { hash: string; copyLabel: string; children: ReactNode }) {
  return (
    <span className="audit-hash">
      <span>{children}</span>
      <code className="audit-mono" title={hash}>
        {shortHash(hash)}
      </code>
      <CopyButton value={hash} label={copyLabel} />
    </span>
  );
}
