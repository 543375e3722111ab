import type { Webhook } from "@recovery-desk/shared";
import { deleteWebhook, webhookKeys } from "../../api/admin-webhooks.ts";
import { isApiProblem } from "../../api/problem.ts";
import type { FocusReturn } from "./admin-dialog.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { useConfirmedRemoval } from "./use-confirmed-removal.ts";

type DeleteWebhookDialogProps = {
  /** The webhook being deleted; null while the dialog is closed. */
  webhook: Webhook | null;
  onClose: () => void;
  returnFocusTo: FocusReturn;
  onDeleted: (webhook: Webhook) => void;
};

/** Deleting a webhook that is already gone can only be refused again: say so and show the list. */
function deleteFinalProblem(error: unknown): string | null {
  return isApiProblem(error) && error.code === "not_found"
    ? "This webhook was already deleted, perhaps by another admin. The list now shows it."
    : null;
}

/** "Delete …?": nothing more is sent to the address, and its delivery history goes too. */
export function DeleteWebhookDialog({ webhook, onClose, returnFocusTo, onDeleted }: DeleteWebhookDialogProps) {
  const remove = useConfirmedRemoval<Webhook>({
    action: "delete",
    remove: (target, key) => deleteWebhook(target.id, key),
    listKey: webhookKeys.all,
    finalProblem: deleteFinalProblem,
    onRemoved: onDeleted,
    onClose,
  });

  return (
    <ConfirmDialog
      open={webhook !== null}
      onOpenChange={remove.changeOpen}
      returnFocusTo={returnFocusTo}
      title="Delete this webhook?"
      description={
        <>
          Nothing more is sent to {webhook ? <code>{webhook.url}</code> : "this address"}. Deliveries still waiting are
          dropped, and its delivery history and signing secret are removed.
        </>
      }
      confirmLabel="Delete webhook"
      busy={remove.busy}
      problem={remove.problem}
      canConfirm={remove.canConfirm}
      onConfirm={() => remove.confirm(webhook)}
    />
  );
}
