import type { AccountDetail, DuplicateCandidate } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { accountKeys } from "../../api/accounts.ts";
import { mergeKeys, proposeMerge } from "../../api/merges.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { useToast } from "../../ui/toast-context.ts";
import { ReasonDialog } from "../recovery/reason-dialog.tsx";
import { likelihoodWords, MAX_MERGED } from "./duplicate-words.ts";
import { describeMergeProblem } from "./merge-problem-words.ts";

export const MERGE_PROPOSED = "Merge proposed — waiting for a supervisor";

type MergeDialogProps = {
  account: AccountDetail;
  candidates: DuplicateCandidate[];
  onProposed: () => void;
};

/**
 * Proposes merging candidates into the open account, which survives: the agent verified its owner.
 * One to three candidates, a reason for the audit trail, and the call's case. A supervisor decides.
 */
export function MergeDialog({ account, candidates, onProposed }: MergeDialogProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useIdempotencyKeys();
  const groupId = useId();
  const firstBox = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [choiceError, setChoiceError] = useState<string | null>(null);
  const verified = account.verification;
  const caseRef = verified?.caseRef ?? null;

  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: Parameters<typeof proposeMerge>[0]; key: string; fingerprint: string }) =>
      proposeMerge(body, key),
    onSuccess: (_merge, { fingerprint }) => {
      keys.settle(fingerprint, true);
      void queryClient.invalidateQueries({ queryKey: mergeKeys.all });
      toast({ tone: "success", title: MERGE_PROPOSED });
      onProposed();
    },
    onError: (error, { fingerprint }) => {
      keys.settle(fingerprint, outcomeKnown(error));
      void queryClient.invalidateQueries({ queryKey: accountKeys.detail(account.id) });
    },
  });

  function toggle(id: string, on: boolean) {
    setChosen((now) => (on ? [...now, id] : now.filter((other) => other !== id)));
  }

  function checkChoices() {
    if (chosen.length < 1 || chosen.length > MAX_MERGED) {
      setChoiceError(`Choose 1 to ${MAX_MERGED} accounts to merge into this one.`);
      firstBox.current?.focus();
      return false;
    }
    setChoiceError(null);
    return true;
  }

  function confirm(reason: string) {
    const body = {
      survivorId: account.id,
      mergedIds: chosen,
      reason,
      ...(caseRef ? { caseRef } : {}),
    };
    const fingerprint = JSON.stringify(body);
    mutation.mutate({ body, key: keys.keyFor(fingerprint), fingerprint });
  }

  const problem = mutation.error ? describeMergeProblem(mutation.error) : null;

  return (
    <ReasonDialog
      title={`Merge accounts into ${account.username}?`}
      description={
        <>
          {account.displayName} ({account.username}) stays; the accounts you choose are merged into it once a supervisor
          approves. A supervisor can undo a merge within 30 days.
        </>
      }
      caseRef={caseRef}
      problem={
        !verified ? (
          <Alert tone="danger" title="Verify the caller first">
            <p>The verified window has closed. Verify the caller again.</p>
          </Alert>
        ) : problem ? (
          <ProblemNotice title={problem.title} problem={problem} />
        ) : null
      }
      confirmLabel="Propose merge"
      busy={mutation.isPending}
      blocked={!verified}
      checkChoices={checkChoices}
      onConfirm={confirm}
    >
      <fieldset className="field" aria-describedby={choiceError ? `${groupId}-error` : undefined}>
        <legend className="label">Accounts to merge (1 to {MAX_MERGED})</legend>
        <ul className="stack">
          {candidates.map((candidate, index) => {
            const id = `${groupId}-${candidate.account.id}`;
            const on = chosen.includes(candidate.account.id);
            return (
              <li key={candidate.account.id}>
                <input
                  ref={index === 0 ? firstBox : undefined}
                  type="checkbox"
                  id={id}
                  checked={on}
                  disabled={!on && chosen.length >= MAX_MERGED}
                  onChange={(event) => toggle(candidate.account.id, event.target.checked)}
                />{" "}
                <label htmlFor={id}>
                  {candidate.account.displayName} ({candidate.account.username}) — {likelihoodWords(candidate.score)}
                </label>
              </li>
            );
          })}
        </ul>
        <AlertRegion id={`${groupId}-error`} className="field__error">
          {choiceError}
        </AlertRegion>
      </fieldset>
    </ReasonDialog>
  );
}
