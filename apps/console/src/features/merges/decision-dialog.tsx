import type { ListedMerge } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "../../api/accounts.ts";
import { decideMerge, mergeKeys } from "../../api/merges.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { useToast } from "../../ui/toast-context.ts";
import { ComparisonTable } from "../duplicates/comparison-table.tsx";
import { describeMergeProblem } from "../duplicates/merge-problem-words.ts";
import { ReasonDialog } from "../recovery/reason-dialog.tsx";
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

  function confirm(reason: string) {
    const body = { reason };
    const fingerprint = `${merge.id} ${decision} ${JSON.stringify(body)}`;
    mutation.mutate({ body, key: keys.keyFor(fingerprint), fingerprint });
  }

  const problem = mutation.error ? describeMergeProblem(mutation.error) : null;
  return (
    <ReasonDialog
      title={words.question}
      description={words.outcome}
      suggestedReason={suggestedDecisionReason(decision)}
      // A decision shows what went wrong without the support reference.
      problem={problem ? <ProblemNotice title={problem.title} problem={{ ...problem, requestId: null }} /> : null}
      confirmLabel={words.label}
      confirmVariant={decision === "approve" ? "primary" : "danger"}
      busy={mutation.isPending}
      onConfirm={confirm}
    >
      {decision === "undo" ? null : (
        <ComparisonTable
          accounts={[merge.survivor, ...merge.merged]}
          caption="Side by side: the surviving account and the accounts to merge into it"
          roles={["survivor", ...merge.merged.map(() => "merged")]}
        />
      )}
    </ReasonDialog>
  );
}
