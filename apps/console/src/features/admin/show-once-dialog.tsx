import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useRef, useState } from "react";
import { Button } from "../../ui/button.tsx";
import { DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { AdminDialog } from "./admin-dialog.tsx";
import { CopyOnce } from "./copy-once.tsx";

/** What the form step hands its form. */
export type ShowOnceForm<Request> = {
  busy: boolean;
  /** Why the last try failed; null before a try and after a success. */
  error: unknown;
  /** What the last try sent. */
  request: Request | undefined;
  onSubmit: (request: Request) => void;
  onCancel: () => void;
};

/** How the second step presents the secret. */
export type ShowOnceSecret = {
  title: ReactNode;
  description: ReactNode;
  /** The field's label, e.g. "API key". */
  label: string;
  warning: ReactNode;
  /** What the person ticks once the secret is safe. */
  confirmation: string;
};

type ShowOnceDialogProps<Request, Created> = {
  /** The button that opens the dialog, e.g. "Create API key". */
  buttonLabel: string;
  title: ReactNode;
  description: ReactNode;
  form: (form: ShowOnceForm<Request>) => ReactNode;
  /** Makes the thing; answers its record and, apart, the secret that is shown once. */
  create: (request: Request) => Promise<{ created: Created; secret: string }>;
  /** The list to fetch again once it is made. */
  listKey: QueryKey;
  secret: (created: Created) => ShowOnceSecret;
  onDone: (created: Created) => void;
};

/**
 * A button and the dialog it opens: a form, then the secret the server made, shown once. The dialog
 * cannot be closed while the request is on its way, nor before the person ticks that the secret is safe.
 */
export function ShowOnceDialog<Request, Created>({
  buttonLabel,
  onDone,
  ...flow
}: ShowOnceDialogProps<Request, Created>) {
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
        {buttonLabel}
      </Button>
      <AdminDialog open={open} onOpenChange={changeOpen} returnFocusTo={buttonRef} closable={closable}>
        <ShowOnceFlow
          {...flow}
          onClosableChange={setClosable}
          onCancel={() => changeOpen(false)}
          onDone={(created) => {
            changeOpen(false);
            onDone(created);
          }}
        />
      </AdminDialog>
    </>
  );
}

type FlowProps<Request, Created> = Omit<ShowOnceDialogProps<Request, Created>, "buttonLabel"> & {
  onClosableChange: (closable: boolean) => void;
  onCancel: () => void;
};

/**
 * Lives inside the dialog, so everything it holds (the secret above all) goes when the dialog closes.
 * The secret is kept in this component's state only: the mutation answers the record without it, so
 * neither the query cache nor the mutation cache ever sees it.
 */
function ShowOnceFlow<Request, Created>({
  title,
  description,
  form,
  create,
  listKey,
  secret: present,
  onClosableChange,
  onCancel,
  onDone,
}: FlowProps<Request, Created>) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: async (request: Request): Promise<Created> => {
      onClosableChange(false);
      const { created, secret } = await create(request);
      setSecret(secret);
      return created;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listKey }),
    onError: () => onClosableChange(true),
  });

  if (secret && mutation.data) {
    const created = mutation.data;
    const shown = present(created);
    return (
      <div className="stack">
        <DialogTitle>{shown.title}</DialogTitle>
        <DialogDescription>{shown.description}</DialogDescription>
        <CopyOnce
          label={shown.label}
          secret={secret}
          warning={shown.warning}
          confirmation={shown.confirmation}
          onStoredChange={onClosableChange}
          onDone={() => onDone(created)}
        />
      </div>
    );
  }

  return (
    <div className="stack">
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{description}</DialogDescription>
      {form({
        busy: mutation.isPending,
        error: mutation.error,
        request: mutation.variables,
        onSubmit: (request) => mutation.mutate(request),
        onCancel,
      })}
    </div>
  );
}

/** A show-once form's buttons: the one that sends it, saying so while it is on its way, and Cancel. */
export function ShowOnceFormButtons({
  busy,
  label,
  busyLabel,
  onCancel,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  onCancel: () => void;
}) {
  return (
    <div className="cluster dialog__buttons">
      <Button type="submit" variant="primary" busy={busy}>
        {busy ? busyLabel : label}
      </Button>
      <Button
        aria-disabled={busy || undefined}
        onClick={() => {
          if (!busy) onCancel();
        }}
      >
        Cancel
      </Button>
    </div>
  );
}
