import { API_SCOPES, type ApiScope, CreateApiKeyRequest } from "@recovery-desk/shared";
import { type FormEvent, useRef, useState } from "react";
import { checkForm } from "../../lib/field-errors.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { SCOPE_DESCRIPTIONS } from "./admin-words.ts";
import { ChoiceList } from "./choice-list.tsx";
import { ShowOnceFormButtons } from "./show-once-dialog.tsx";

type CreateApiKeyFormProps = {
  busy: boolean;
  problem: ProblemMessage | null;
  onSubmit: (request: CreateApiKeyRequest) => void;
  onCancel: () => void;
};

type FieldErrors = { name?: string; scopes?: string };

/** Name the key after the service that will use it, and give it only the scopes it needs. */
export function CreateApiKeyForm({ busy, problem, onSubmit, onCancel }: CreateApiKeyFormProps) {
  const nameRef = useRef<HTMLInputElement>(null);
  const firstScopeRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(
      CreateApiKeyRequest.safeParse({ name, scopes }),
      {
        name: name.trim() ? "Use at most 100 characters." : "Enter a name for the key.",
        scopes: "Choose at least one scope.",
      },
      { name: nameRef, scopes: firstScopeRef },
    );
    setErrors(checked.errors);
    if (checked.ok) onSubmit(checked.data);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <AlertRegion>{problem ? <ProblemNotice title="The key was not created" problem={problem} /> : null}</AlertRegion>
      <Field
        label="Name"
        hint="The service that will use it, for example “Login service (production)”."
        error={errors.name ?? null}
      >
        {(control) => (
          <Input
            ref={nameRef}
            {...control}
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            maxLength={120}
          />
        )}
      </Field>
      <ChoiceList
        legend="Scopes"
        choices={API_SCOPES}
        chosen={scopes}
        setChosen={setScopes}
        describe={(scope) => SCOPE_DESCRIPTIONS[scope]}
        error={errors.scopes}
        firstRef={firstScopeRef}
      />
      <ShowOnceFormButtons busy={busy} label="Create key" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
