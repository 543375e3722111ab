import type { AccountDetail, AccountStatus } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import type { Ref } from "react";
import { describeStatus } from "../../lib/account-words.ts";
import { HELD_BY_OWNER, isHeldByOwner } from "../../lib/hold-words.ts";
import { ArrowLeftIcon } from "../../ui/icons.tsx";
import { DuplicateBadge } from "./duplicate-badge.tsx";
import { StatusBadge } from "./status-badge.tsx";

type AccountHeaderProps = {
  account: AccountDetail;
  search: { q?: string | undefined; status?: AccountStatus | undefined };
  headingRef: Ref<HTMLHeadingElement>;
};

/** Back to the results, who this is, and the account's state in one sentence. */
export function AccountHeader({ account, search, headingRef }: AccountHeaderProps) {
  return (
    <header className="account-header stack">
      <Link to="/accounts" search={search} className="back-link">
        <ArrowLeftIcon />
        {search.q || search.status ? "Back to search results" : "Back to account search"}
      </Link>
      <h1 id="account-heading" ref={headingRef} tabIndex={-1} className="page-title account-header__title">
        {account.displayName} <span className="account-header__username">{account.username}</span>
      </h1>
      <div className="account-header__status">
        <StatusBadge status={account.status} />
        <p className="account-header__reason">{isHeldByOwner(account) ? HELD_BY_OWNER : describeStatus(account)}</p>
      </div>
      {account.mergedInto ? (
        <p>
          Now part of{" "}
          <Link to="/accounts/$accountId" params={{ accountId: account.mergedInto }} search={search}>
            the surviving account
          </Link>
          .
        </p>
      ) : null}
      {account.mustChangePassword ? <p>The customer must change the password at the next sign-in.</p> : null}
      <DuplicateBadge count={account.duplicateCandidates} />
    </header>
  );
}
