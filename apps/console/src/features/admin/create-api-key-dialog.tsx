import type { ApiKey, CreateApiKeyRequest } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { apiKeyKeys, createApiKey } from "../../api/admin-api-keys.ts";
import { describeProblem } from "../../lib/problem-words.ts";
import { Button } from "../../ui/button.tsx";
import { DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { AdminDialog } from "./admin-dialog.tsx";
import { CopyOnce } from "./copy-once.tsx";
import { CreateApiKeyForm } from "./create-api-key-form.tsx";

/** "Create API key": a button and the dialog it opens, from the form to the key shown once. */
export function CreateApiKeyButton({ onCreated }: { onCreated: (apiKey: ApiKey) => void }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [closable, setClosable] = useState(true);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) setClosable(true);
  }

  return (
    <>
      <Button ref={buttonRef} variant="primary" onClick={() => setOpen(true)}>
        Create API key
      </Button>
      <AdminDialog open={open} onOpenChange={changeOpen} returnFocusTo={buttonRef} closable={closable}>
        <CreateApiKeyFlow
          onClosableChange={setClosable}
          onCancel={() => changeOpen(false)}
          onDone={(apiKey) => {
            changeOpen(false);
            onCreated(apiKey);
          }}
        />
      </AdminDialog>
    </>
  );
}

type FlowProps = {
  onClosableChange: (closable: boolean) => void;
  onCancel: () => void;
  onDone: (apiKey: ApiKey) => void;
};

/**
 * Lives inside the dialog, so everything it holds (the key above all) goes when the dialog closes.
 * The key is kept in this component's state only: the mutation answers the key's record without it,
 * so neither the query cache nor the mutation cache ever sees the secret.
 */
function CreateApiKeyFlow({ onClosableChange, onCancel, onDone }: FlowProps) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: async (request: CreateApiKeyRequest): Promise<ApiKey> => {
      onClosableChange(false);
      const { key, ...apiKey } = await createApiKey(request);
      setSecret(key);
      return apiKey;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() }),
    onError: () => onClosableChange(true),
  });

  if (secret && create.data) {
    const apiKey = create.data;
    return (
      <div className="stack">
        <DialogTitle>Copy the new API key</DialogTitle>
        <DialogDescription>
          “{apiKey.name}” is ready. Copy the key into the service's configuration now; only its prefix{" "}
          <code>{apiKey.prefix}</code> is shown from now on.
        </DialogDescription>
        <CopyOnce
          label="API key"
          secret={secret}
          warning="This key is shown only now. Store it in the service's secret store before closing."
          confirmation="I have stored the key"
          onStoredChange={onClosableChange}
          onDone={() => onDone(apiKey)}
        />
      </div>
    );
  }

  return (
    <div className="stack">
      <DialogTitle>Create API key</DialogTitle>
      <DialogDescription>
        Give each service its own key, with only the scopes it needs. You see the key once, right after this step.
      </DialogDescription>
      <CreateApiKeyForm
        busy={create.isPending}
        problem={create.isError ? describeProblem(create.error) : null}
        onSubmit={(request) => create.mutate(request)}
        onCancel={onCancel}
      />
    </div>
  );
}
