import { type ListedMerge, Reason } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { accountKeys } from "../../api/accounts.ts";
import { decideMerge, mergeKeys } from "../../api/merges.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DialogClose, DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { ComparisonTable } from "../duplicates/comparison-table.tsx";
import { describeMergeProblem } from "../duplicates/merge-problem-words.ts";
import { REASON_MAX, ReasonField } from "../recovery/reason-field.tsx";
import { useToast } from "../toasts/toast-context.ts";
import { DECISION_WORDS, type Decision, suggestedDecisionReason } from "./merge-words.ts";

type DecisionDialogProps = { merge: ListedMerge; decision: Decision; onDone: () => void };

/**
 * The confirm step of approve, reject or undo: what will happen, and a reason for the audit trail
 * (suggested for approve and undo, as the agents' action dialogs do). Ctrl/⌘+Enter confirms.
 */
export function DecisionDialog({ merge, decision, onDone }: DecisionDialogProps) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useIdempotencyKeys();
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState(() => suggestedDecisionReason(decision));
  const [reasonError, setReasonError] = useState<string | null>(null);
  const words = DECISION_WORDS[decision];

  const mutation = useMutation({
    mutationFn: ({ body, key }: { body: { reason: string }; key: string; fingerprint: string }) =>
      decideMerge(merge.id, decision, body, key),
    onSuccess: (_merge, { fingerprint }) => {
      keys.settle(fingerprint, true);
      void queryClient.invalidateQueries({ queryKey: mergeKeys.all });
      for (const id of [merge.survivorId, ...merge.mergedIds]) {
        void queryClient.invalidateQueries({ queryKey: accountKeys.detail(id) });
      }
      toast({ tone: "success", title: words.done });
      onDone();
    },
    onError: (error, { fingerprint }) => {
      keys.settle(fingerprint, outcomeKnown(error));
      void queryClient.invalidateQueries({ queryKey: mergeKeys.all });
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (mutation.isPending) return;
    const checked = Reason.safeParse(reason);
    if (!checked.success) {
      setReasonError(
        reason.trim()
          ? `The reason can be at most ${REASON_MAX} characters.`
          : "Give a reason; it is kept in the audit trail.",
      );
      reasonBox.current?.focus();
      return;
    }
    setReasonError(null);
    const body = { reason: checked.data };
    const fingerprint = `${merge.id} ${decision} ${JSON.stringify(body)}`;
    mutation.mutate({ body, key: keys.keyFor(fingerprint), fingerprint });
  }

  function confirmWithKeyboard(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  const problem = mutation.error ? describeMergeProblem(mutation.error) : null;
  return (
    <form className="stack" onSubmit={submit} onKeyDown={confirmWithKeyboard} noValidate>
      <DialogTitle>{words.question}</DialogTitle>
      <DialogDescription>{words.outcome}</DialogDescription>
      {decision === "undo" ? null : (
        <ComparisonTable
          accounts={[merge.survivor, ...merge.merged]}
          caption="Side by side: the surviving account and the accounts to merge into it"
          roles={["survivor", ...merge.merged.map(() => "merged")]}
        />
      )}
      <ReasonField value={reason} onChange={setReason} error={reasonError} fieldRef={reasonBox} />
      <AlertRegion>
        {problem ? (
          <Alert tone="danger" title={problem.title}>
            <p>{problem.message}</p>
          </Alert>
        ) : null}
      </AlertRegion>
      <div className="cluster dialog__buttons">
        <Button type="submit" variant={decision === "approve" ? "primary" : "danger"} busy={mutation.isPending}>
          {words.label}
        </Button>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
      </div>
    </form>
  );
}
