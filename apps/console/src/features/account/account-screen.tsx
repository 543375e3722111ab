import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { accountQuery } from "../../api/accounts.ts";
import { policyQuery } from "../../api/policy.ts";
import type { HandOver } from "../../lib/recovery-options.ts";
import { useSlashShortcut } from "../../lib/use-slash-shortcut.ts";
import { AccountAuditLink } from "../audit/account-audit-link.tsx";
import { DuplicatesPanel } from "../duplicates/duplicates-panel.tsx";
import { HistorySection } from "../history/history-section.tsx";
import { RecoveryPanel } from "../recovery/recovery-panel.tsx";
import { VerificationPanel } from "../verification/verification-panel.tsx";
import { AccountHeader } from "./account-header.tsx";
import { ActivitySection } from "./activity-section.tsx";
import { AddressesSection } from "./addresses-section.tsx";
import { ContactSection } from "./contact-section.tsx";
import { LockSection } from "./lock-section.tsx";
import { MaskingNotice } from "./masking-notice.tsx";
import { QuestionsSection } from "./questions-section.tsx";
import { RiskStrip } from "./risk-strip.tsx";

const routeApi = getRouteApi("/_authenticated/accounts/$accountId");
const authenticatedRoute = getRouteApi("/_authenticated");

/**
 * One account: the verification call script first, right under it the recovery actions, then what
 * the agent may read and the account's history. Contact data stays masked until the caller is verified.
 */
export function AccountScreen() {
  const { accountId } = routeApi.useParams();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const { data: account } = useSuspenseQuery(accountQuery(accountId));
  const { data: policy } = useQuery(policyQuery);
  const { role } = authenticatedRoute.useRouteContext().staff;
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Set when the caller has just been verified: the recovery actions then take the keyboard.
  const [handOver, setHandOver] = useState<HandOver | null>(null);
  // After the recovery actions: where the call script offers a second method when an action needs one.
  const [addSlot, setAddSlot] = useState<HTMLDivElement | null>(null);

  // Opening an account puts the agent at its name, the start of the page.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useSlashShortcut(() => navigate({ to: "/accounts", search }));

  return (
    <article className="stack stack--lg" aria-labelledby="account-heading">
      <title>{`${account.displayName} — Recovery Desk`}</title>
      <AccountHeader account={account} search={search} headingRef={headingRef} />
      <RiskStrip risk={account.risk} />
      <VerificationPanel
        key={account.id}
        account={account}
        policy={policy}
        role={role}
        addSlot={addSlot}
        onVerified={setHandOver}
      />
      <RecoveryPanel
        key={`${account.id}-actions`}
        account={account}
        policy={policy}
        role={role}
        addSlotRef={setAddSlot}
        handOver={handOver}
        onFocusTaken={() => setHandOver(null)}
      />
      <MaskingNotice contactMasked={account.contactMasked} verification={account.verification} />
      <div className="account-grid">
        {account.lock ? <LockSection lock={account.lock} statusReason={account.statusReason} /> : null}
        <ContactSection channels={account.channels} />
        <QuestionsSection questions={account.securityQuestions} />
        <AddressesSection addresses={account.addresses} />
        <ActivitySection account={account} />
      </div>
      <DuplicatesPanel key={`${account.id}-duplicates`} account={account} policy={policy} />
      <HistorySection accountId={account.id} />
      <AccountAuditLink accountId={account.id} />
    </article>
  );
}
