import type { Webhook } from "@recovery-desk/shared";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { webhooksQuery } from "../../api/admin-webhooks.ts";
import { AdminPageHeader } from "./admin-page-header.tsx";
import { AddWebhookButton } from "./create-webhook-dialog.tsx";
import { DeleteWebhookDialog } from "./delete-webhook.tsx";
import { StatusMessage } from "./status-message.tsx";
import { WebhookDeliveries } from "./webhook-deliveries.tsx";
import { WebhookTable } from "./webhook-table.tsx";

/** Where Recovery Desk sends signed account events, and what it delivered. */
export function WebhooksScreen() {
  const { data: webhooks } = useSuspenseQuery(webhooksQuery());
  const [status, setStatus] = useState("");
  const [showing, setShowing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const deleteButtonRef = useRef<HTMLButtonElement | null>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const shown = webhooks.find((webhook) => webhook.id === showing) ?? null;

  /** Where the keyboard goes when the delete dialog closes: its Delete button, or the Add button once the row is gone. */
  function afterDeleteDialog(): HTMLElement | null {
    const button = deleteButtonRef.current;
    if (button?.isConnected) return button;
    return pageRef.current?.querySelector<HTMLElement>(".admin-header__action button") ?? null;
  }

  return (
    <div ref={pageRef} className="stack stack--lg">
      <AdminPageHeader
        title="Webhooks"
        intro="Recovery Desk tells other systems about account events (locks, unlocks, temporary passwords, merges) by POSTing them to these addresses, signed as the Standard Webhooks specification describes. Failed deliveries are retried for several hours."
        action={
          <AddWebhookButton
            onAdded={(webhook) =>
              setStatus(`Webhook to ${webhook.url} added. Its deliveries start with the next event.`)
            }
          />
        }
      />
      <StatusMessage message={status} />
      {webhooks.length === 0 ? (
        <p className="empty-state">
          No webhooks yet. Add one for each system that should hear about account events, such as a fraud monitor.
        </p>
      ) : (
        <WebhookTable
          webhooks={webhooks}
          showing={showing}
          onShowDeliveries={(webhook) => setShowing(webhook.id)}
          onDelete={(webhook, button) => {
            deleteButtonRef.current = button;
            setDeleting(webhook);
          }}
        />
      )}
      {shown ? <WebhookDeliveries key={shown.id} webhook={shown} /> : null}
      <DeleteWebhookDialog
        webhook={deleting}
        returnFocusTo={afterDeleteDialog}
        onClose={() => setDeleting(null)}
        onDeleted={(webhook) => {
          deleteButtonRef.current = null;
          if (showing === webhook.id) setShowing(null);
          setStatus(`Webhook to ${webhook.url} deleted. Nothing more is sent to it.`);
          setDeleting(null);
        }}
      />
    </div>
  );
}
