import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { AuditFilters } from "../../api/audit.ts";
import { type ExportFormat, fetchAuditExport, saveFile } from "../../api/audit-export.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { hasFilters } from "./audit-search.ts";
import { events as eventCount } from "./audit-words.ts";

/** The progress line changes at most this often, so screen readers are not flooded. */
export const PROGRESS_EVERY_MS = 500;

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: "CSV", ndjson: "NDJSON" };

type Outcome =
  | { kind: "done"; events: number; fileName: string }
  | { kind: "cancelled"; events: number }
  | { kind: "failed"; error: unknown };

/**
 * "Export CSV" and "Export NDJSON" for the events the filters select. The file streams in while the
 * count of events read so far is shown; Cancel stops it. The finished file goes to the browser's
 * downloads.
 */
export function AuditExport({ filters }: { filters: AuditFilters }) {
  const [count, setCount] = useState(0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const controllerRef = useRef<AbortController | null>(null);
  const shownAtRef = useRef(0);

  const exporting = useMutation({
    mutationFn: (format: ExportFormat) => {
      const controller = new AbortController();
      controllerRef.current = controller;
      shownAtRef.current = 0;
      setCount(0);
      setOutcome(null);
      let latest = 0;
      return fetchAuditExport(filters, format, {
        signal: controller.signal,
        onProgress: ({ events }) => {
          latest = events;
          const now = Date.now();
          if (now - shownAtRef.current < PROGRESS_EVERY_MS) return;
          shownAtRef.current = now;
          setCount(events);
        },
      }).catch((error: unknown) => {
        if (controller.signal.aborted) return { cancelled: true as const, events: latest };
        throw error;
      });
    },
    onSuccess: (result) => {
      if ("cancelled" in result) {
        setOutcome({ kind: "cancelled", events: result.events });
        return;
      }
      saveFile(result);
      setOutcome({ kind: "done", events: result.events, fileName: result.fileName });
    },
    onError: (error) => setOutcome({ kind: "failed", error }),
    onSettled: () => {
      controllerRef.current = null;
    },
  });

  const running = exporting.isPending;
  const format = exporting.variables;
  const what = hasFilters(filters) ? "the events that match the filters" : "every event";

  let status = "";
  if (running) status = `Exported ${eventCount(count)}…`;
  else if (outcome?.kind === "done") status = `Exported ${eventCount(outcome.events)} to ${outcome.fileName}.`;
  else if (outcome?.kind === "cancelled")
    status = `Export cancelled after ${eventCount(outcome.events)}. No file was saved.`;

  return (
    <section className="audit-export stack" aria-labelledby="audit-export-heading">
      <h2 id="audit-export-heading" className="section__title">
        Export
      </h2>
      <p className="muted">Downloads {what}, newest first, with the hashes an auditor needs to re-check the chain.</p>
      <div className="cluster">
        {(["csv", "ndjson"] as const).map((value) => (
          <Button
            key={value}
            busy={running && format === value}
            aria-disabled={(running && format !== value) || undefined}
            onClick={() => {
              if (!running) exporting.mutate(value);
            }}
          >
            {running && format === value ? `Exporting ${FORMAT_NAMES[value]}…` : `Export ${FORMAT_NAMES[value]}`}
          </Button>
        ))}
        {running ? (
          <Button variant="quiet" onClick={() => controllerRef.current?.abort()}>
            Cancel export
          </Button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="audit-export__status">
        {status}
      </p>
      <AlertRegion>
        {outcome?.kind === "failed" ? (
          <ProblemNotice error={outcome.error} title="The export did not finish, and no file was saved" />
        ) : null}
      </AlertRegion>
    </section>
  );
}
