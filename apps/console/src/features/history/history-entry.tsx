import type { AuditEvent } from "@recovery-desk/shared";
import { formatDateTime, formatRelative } from "../../lib/format.ts";
import { describeEvent } from "./timeline-words.ts";

type HistoryEntryProps = {
  event: AuditEvent;
  now: number;
  /** The first entry of an older page: it can take focus, so the keyboard carries on there after "Show more". */
  startsPage?: boolean;
};

/** One thing that happened: when (how long ago, and the exact time), what, by whom, and why. */
export function HistoryEntry({ event, now, startsPage = false }: HistoryEntryProps) {
  const { what, by, note } = describeEvent(event);
  const exact = formatDateTime(event.occurredAt);
  return (
    <li tabIndex={startsPage ? -1 : undefined} className="history__entry">
      <p className="history__when">
        <time dateTime={event.occurredAt} title={exact}>
          {formatRelative(event.occurredAt, now)}
        </time>
        <span className="history__exact">{exact}</span>
      </p>
      <div className="history__body">
        <p className="history__what">{what}</p>
        <p className="history__by">
          by <span className="history__actor">{by}</span>
          {note ? ` — ${note}` : null}
        </p>
      </div>
    </li>
  );
}
