import type { ListedAuditEvent } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import type { MouseEvent } from "react";
import { HistoryIcon, KeyIcon, UserIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { ACTOR_TYPE_LABELS, actionLabel, formatCount, formatEventTime, formatUtc } from "./audit-words.ts";

/** The table only lays out columns and rows: the API filters and orders, so no table features are needed. */
export const auditTableFeatures = tableFeatures({});

const helper = createColumnHelper<typeof auditTableFeatures, ListedAuditEvent>();

const ACTOR_ICONS = {
  staff: <UserIcon />,
  api_key: <KeyIcon />,
  system: <HistoryIcon />,
};

/** A click on the account link follows the link instead of also opening the event. */
const stopRowClick = (event: MouseEvent) => event.stopPropagation();

/** A cell that may be empty says so, instead of leaving a hole a screen reader skips. */
const none = <span className="muted">—</span>;

/**
 * The columns of the audit table. Cell content is kept to one line (long reasons are cut short and
 * shown in full in the event drawer). The account link is for the mouse; keyboard users reach the
 * account from the drawer, so the table stays one Tab stop.
 */
export const auditColumns = helper.columns([
  helper.accessor("seq", {
    header: "Seq",
    cell: (info) => <span className="audit-cell--number">{formatCount(info.getValue())}</span>,
  }),
  helper.accessor("occurredAt", {
    header: "Time",
    cell: (info) => (
      <time dateTime={info.getValue()} title={formatUtc(info.getValue())}>
        {formatEventTime(info.getValue())}
      </time>
    ),
  }),
  helper.accessor("actor", {
    header: "Actor",
    cell: (info) => {
      const actor = info.getValue();
      return (
        <span className="audit-actor" title={actor.id ? `${ACTOR_TYPE_LABELS[actor.type]} ${actor.id}` : undefined}>
          {ACTOR_ICONS[actor.type]}
          <VisuallyHidden>{ACTOR_TYPE_LABELS[actor.type]}: </VisuallyHidden>
          <span className="audit-cell__text">{actor.name}</span>
        </span>
      );
    },
  }),
  helper.accessor("action", {
    header: "Action",
    cell: (info) => (
      <span className="audit-cell__text" title={info.getValue()}>
        {actionLabel(info.getValue())}
      </span>
    ),
  }),
  helper.accessor("accountId", {
    header: "Account",
    cell: (info) => {
      const accountId = info.getValue();
      if (!accountId) return none;
      const username = info.row.original.account?.username;
      return (
        <span className="audit-account" title={username ? `${username} (${accountId})` : accountId}>
          <Link
            to="/accounts/$accountId"
            params={{ accountId }}
            tabIndex={-1}
            className={username ? "audit-cell__text" : "audit-cell__text audit-mono"}
            onClick={stopRowClick}
          >
            {username ?? accountId}
          </Link>
          {username ? <span className="audit-cell__text audit-mono muted">{accountId}</span> : null}
        </span>
      );
    },
  }),
  helper.accessor("caseRef", {
    header: "Case",
    cell: (info) => {
      const caseRef = info.getValue();
      return caseRef ? <span className="audit-cell__text audit-mono">{caseRef}</span> : none;
    },
  }),
  helper.accessor("reason", {
    header: "Reason",
    cell: (info) => {
      const reason = info.getValue();
      return reason ? (
        <span className="audit-cell__text" title={reason}>
          {reason}
        </span>
      ) : (
        none
      );
    },
  }),
]);
