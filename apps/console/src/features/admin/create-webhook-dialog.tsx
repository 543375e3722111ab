import type { CreateWebhookRequest, Webhook } from "@recovery-desk/shared";
import { createWebhook, webhookKeys } from "../../api/admin-webhooks.ts";
import { describeProblem } from "../../lib/problem-words.ts";
import { CreateWebhookForm } from "./create-webhook-form.tsx";
import { ShowOnceDialog } from "./show-once-dialog.tsx";

/**
 * "Add webhook": a button and the dialog it opens, from the form to the signing secret shown once.
 * The secret lives only in the dialog and goes when it closes.
 */
export function AddWebhookButton({ onAdded }: { onAdded: (webhook: Webhook) => void }) {
  return (
    <ShowOnceDialog
      buttonLabel="Add webhook"
      title="Add webhook"
      description="Recovery Desk POSTs each chosen event to this address, signed with a secret you see once, right after this step."
      form={({ busy, error, onSubmit, onCancel }) => (
        <CreateWebhookForm
          busy={busy}
          error={error}
          describe={describeProblem}
          onSubmit={onSubmit}
          onCancel={onCancel}
        />
      )}
      create={async (request: CreateWebhookRequest) => {
        const { secret, ...webhook } = await createWebhook(request);
        return { created: webhook satisfies Webhook, secret };
      }}
      listKey={webhookKeys.list()}
      secret={(webhook) => ({
        title: "Copy the signing secret",
        description: (
          <>
            Deliveries to <code>{webhook.url}</code> are signed with this secret (Standard Webhooks). Put it in the
            receiver's configuration now: it checks each delivery's <code>webhook-signature</code> with it.
          </>
        ),
        label: "Signing secret",
        warning: "This secret is shown only now. Store it in the receiver's secret store before closing.",
        confirmation: "I have stored the secret",
      })}
      onDone={onAdded}
    />
  );
}
