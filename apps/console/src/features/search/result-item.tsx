import type { AccountStatus, AccountSummary } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import type { FocusEvent } from "react";
import { formatPlace } from "../../lib/format.ts";
import { HELD_BY_OWNER, isHeldByOwner } from "../../lib/hold-words.ts";
import { DuplicateBadge } from "../account/duplicate-badge.tsx";
import { StatusBadge } from "../account/status-badge.tsx";

type ResultItemProps = {
  account: AccountSummary;
  /** The search that found it, carried to the detail page for "Back to results". */
  search: { q?: string | undefined; status?: AccountStatus | undefined };
  /** Only one result is in the Tab order at a time; arrow keys move between them. */
  tabbable: boolean;
  onFocus: (event: FocusEvent<HTMLAnchorElement>) => void;
};

/** One account in the results: name as the link, then what an agent checks at a glance. */
export function ResultItem({ account, search, tabbable, onFocus }: ResultItemProps) {
  const detailsId = `result-${account.id}-details`;
  const place = formatPlace(account.city, account.state, account.zip5);
  return (
    <li className="result">
      <div className="result__head">
        <Link
          to="/accounts/$accountId"
          params={{ accountId: account.id }}
          search={search}
          className="result__link"
          tabIndex={tabbable ? 0 : -1}
          aria-describedby={detailsId}
          onFocus={onFocus}
          data-result
        >
          {account.displayName}
        </Link>
      </div>
      <div id={detailsId} className="result__details">
        <p className="result__badges">
          <span className="result__username">{account.username}</span>
          <StatusBadge status={account.status} />
          <DuplicateBadge count={account.duplicateCandidates} />
        </p>
        {isHeldByOwner(account) ? <p className="result__held">{HELD_BY_OWNER}</p> : null}
        <dl className="result__facts">
          <div>
            <dt>Email</dt>
            <dd>{account.emailMasked ?? "None on file"}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{account.phoneMasked ?? "None on file"}</dd>
          </div>
          <div>
            <dt>Place</dt>
            <dd>{place ?? "No address on file"}</dd>
          </div>
        </dl>
      </div>
    </li>
  );
}
