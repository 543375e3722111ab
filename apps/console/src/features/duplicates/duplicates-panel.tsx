import type { AccountDetail, Policy } from "@recovery-desk/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useState } from "react";
import { duplicatesQuery } from "../../api/merges.ts";
import { cx } from "../../lib/cx.ts";
import { isHeldByOwner } from "../../lib/hold-words.ts";
import { describeProblem } from "../../lib/problem-words.ts";
import { evidenceShortFor, WAITS_FOR_HOLD } from "../../lib/recovery-options.ts";
import { Alert } from "../../ui/alert.tsx";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { Section } from "../../ui/card.tsx";
import { Dialog, DialogContent } from "../../ui/dialog.tsx";
import { MergeIcon } from "../../ui/icons.tsx";
import { ComparisonTable } from "./comparison-table.tsx";
import { likelihoodWords } from "./duplicate-words.ts";
import { MergeDialog } from "./merge-dialog.tsx";

export const VERIFY_FIRST = "Verify the caller first";

/**
 * Other accounts at this account's address that may belong to the same person: why each matches,
 * how likely it is, the accounts side by side, and a way to propose merging them into this one.
 * Shown only when the account has candidates. Proposing needs the evidence the policy asks for a merge.
 */
export function DuplicatesPanel({ account, policy }: { account: AccountDetail; policy?: Policy | undefined }) {
  const expected = account.duplicateCandidates > 0;
  const query = useQuery({ ...duplicatesQuery(account.id), enabled: expected });
  const [open, setOpen] = useState(false);
  const [session, setSession] = useState(0);
  const noteId = useId();
  const candidates = query.data?.candidates ?? [];

  if (!expected && candidates.length === 0) return null;

  const verified = account.verification !== null;
  const short = evidenceShortFor(account, policy, "merge");
  // Held on its owner's report: nothing joins the account until a supervisor lifts the hold.
  const held = isHeldByOwner(account);
  const canPropose = verified && !short && !held;
  const body = query.isPending ? (
    <p className="muted">Looking for other accounts at this address…</p>
  ) : query.isError ? (
    <Alert tone="danger" title="The other accounts could not be loaded">
      <p>{describeProblem(query.error).message}</p>
    </Alert>
  ) : candidates.length === 0 ? (
    <p>No other active account shares this address now.</p>
  ) : (
    <>
      <ul className="plain-list stack duplicate-list">
        {candidates.map((candidate) => (
          <li key={candidate.account.id} className="duplicate-candidate">
            <p>
              <Link to="/accounts/$accountId" params={{ accountId: candidate.account.id }}>
                {candidate.account.displayName} ({candidate.account.username})
              </Link>{" "}
              — <strong>{likelihoodWords(candidate.score)}</strong>
            </p>
            <ul className="cluster" aria-label={`Why ${candidate.account.username} matches`}>
              {candidate.reasons.map((reason) => (
                <li key={reason}>
                  <Badge tone="info">{reason}</Badge>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <ComparisonTable
        accounts={[account, ...candidates.map((candidate) => candidate.account)]}
        caption="Side by side: this account and the other accounts at its address"
        roles={["this account"]}
      />
      <div className="recovery-action">
        <Button
          variant="secondary"
          disabled={!canPropose}
          aria-describedby={noteId}
          onClick={() => {
            setSession((n) => n + 1);
            setOpen(true);
          }}
        >
          <MergeIcon />
          Propose a merge
        </Button>
        <p id={noteId} className={cx("method__note", !canPropose && "method__note--off")}>
          {held
            ? WAITS_FOR_HOLD
            : !verified
              ? `${VERIFY_FIRST}: only the owner of this account can ask for a merge into it.`
              : (short?.note ?? `${account.username} stays; a supervisor approves the merge.`)}
        </p>
      </div>
      <Dialog open={open} onOpenChange={setOpen}>
        {open ? (
          <DialogContent>
            <MergeDialog key={session} account={account} candidates={candidates} onProposed={() => setOpen(false)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );

  return (
    <Section title="Possible duplicates" className="duplicates-panel">
      {body}
    </Section>
  );
}
