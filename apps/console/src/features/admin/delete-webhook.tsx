import type { Webhook } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deleteWebhook, webhookKeys } from "../../api/admin-webhooks.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import type { FocusReturn } from "./admin-dialog.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";

type DeleteWebhookDialogProps = {
  /** The webhook being deleted; null while the dialog is closed. */
  webhook: Webhook | null;
  onClose: () => void;
  returnFocusTo: FocusReturn;
  onDeleted: (webhook: Webhook) => void;
};

function describeDeleteProblem(error: unknown): ProblemMessage {
  if (isApiProblem(error) && error.code === "not_found") {
    return {
      message: "This webhook was already deleted, perhaps by another admin. The list now shows it.",
      requestId: null,
    };
  }
  return describeProblem(error);
}

/** "Delete …?": nothing more is sent to the address, and its delivery history goes too. */
export function DeleteWebhookDialog({ webhook, onClose, returnFocusTo, onDeleted }: DeleteWebhookDialogProps) {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [problem, setProblem] = useState<{ message: ProblemMessage; final: boolean } | null>(null);

  const remove = useMutation({
    mutationFn: ({ target, key }: { target: Webhook; key: string }) => deleteWebhook(target.id, key),
    // The same Idempotency-Key makes a second try after a dropped connection safe.
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (_, { target }) => {
      keys.settle(`delete:${target.id}`, true);
      void queryClient.invalidateQueries({ queryKey: webhookKeys.all });
      onDeleted(target);
    },
    onError: (error, { target }) => {
      keys.settle(`delete:${target.id}`, outcomeKnown(error));
      const final = isApiProblem(error) && error.code === "not_found";
      if (final) void queryClient.invalidateQueries({ queryKey: webhookKeys.list() });
      setProblem({ message: describeDeleteProblem(error), final });
    },
  });

  function changeOpen(open: boolean) {
    if (open) return;
    setProblem(null);
    remove.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={webhook !== null}
      onOpenChange={changeOpen}
      returnFocusTo={returnFocusTo}
      title="Delete this webhook?"
      description={
        <>
          Nothing more is sent to {webhook ? <code>{webhook.url}</code> : "this address"}. Deliveries still waiting are
          dropped, and its delivery history and signing secret are removed.
        </>
      }
      confirmLabel="Delete webhook"
      busy={remove.isPending}
      problem={problem?.message ?? null}
      canConfirm={!problem?.final}
      onConfirm={() => {
        if (!webhook) return;
        setProblem(null);
        remove.mutate({ target: webhook, key: keys.keyFor(`delete:${webhook.id}`) });
      }}
    />
  );
}
