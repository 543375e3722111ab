import type { ApiKey, CreateApiKeyRequest } from "@recovery-desk/shared";
import { apiKeyKeys, createApiKey } from "../../api/admin-api-keys.ts";
import { describeProblem } from "../../lib/problem-words.ts";
import { CreateApiKeyForm } from "./create-api-key-form.tsx";
import { ShowOnceDialog } from "./show-once-dialog.tsx";

/**
 * "Create API key": a button and the dialog it opens, from the form to the key shown once. The key
 * lives only in the dialog and goes when it closes; from then on only its prefix is shown.
 */
export function CreateApiKeyButton({ onCreated }: { onCreated: (apiKey: ApiKey) => void }) {
  return (
    <ShowOnceDialog
      buttonLabel="Create API key"
      title="Create API key"
      description="Give each service its own key, with only the scopes it needs. You see the key once, right after this step."
      form={({ busy, error, onSubmit, onCancel }) => (
        <CreateApiKeyForm
          busy={busy}
          problem={error ? describeProblem(error) : null}
          onSubmit={onSubmit}
          onCancel={onCancel}
        />
      )}
      create={async (request: CreateApiKeyRequest) => {
        const { key, ...apiKey } = await createApiKey(request);
        return { created: apiKey satisfies ApiKey, secret: key };
      }}
      listKey={apiKeyKeys.list()}
      secret={(apiKey) => ({
        title: "Copy the new API key",
        description: (
          <>
            “{apiKey.name}” is ready. Copy the key into the service's configuration now; only its prefix{" "}
            <code>{apiKey.prefix}</code> is shown from now on.
          </>
        ),
        label: "API key",
        warning: "This key is shown only now. Store it in the service's secret store before closing.",
        confirmation: "I have stored the key",
      })}
      onDone={onCreated}
    />
  );
}
