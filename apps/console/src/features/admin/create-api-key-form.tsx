import { API_SCOPES, type ApiScope, CreateApiKeyRequest } from "@recovery-desk/shared";
import { type FormEvent, useId, useRef, useState } from "react";
import { checkForm } from "../../lib/field-errors.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { SCOPE_DESCRIPTIONS } from "./admin-words.ts";
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
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const firstScopeRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  function toggle(scope: ApiScope, on: boolean) {
    setScopes((current) => API_SCOPES.filter((s) => (s === scope ? on : current.includes(s))));
  }

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
      <fieldset className="fieldset" aria-describedby={errors.scopes ? `${id}-scopes-error` : undefined}>
        <legend className="label">Scopes</legend>
        <ul className="plain-list stack scope-list">
          {API_SCOPES.map((scope, index) => (
            <li key={scope} className="checkbox">
              <input
                ref={index === 0 ? firstScopeRef : undefined}
                id={`${id}-${scope}`}
                type="checkbox"
                className="checkbox__input"
                checked={scopes.includes(scope)}
                onChange={(event) => toggle(scope, event.target.checked)}
                aria-describedby={`${id}-${scope}-about`}
              />
              <span className="checkbox__text">
                <Label htmlFor={`${id}-${scope}`}>
                  <code>{scope}</code>
                </Label>
                <span id={`${id}-${scope}-about`} className="field__hint">
                  {SCOPE_DESCRIPTIONS[scope]}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <AlertRegion id={`${id}-scopes-error`} className="field__error">
          {errors.scopes}
        </AlertRegion>
      </fieldset>
      <ShowOnceFormButtons busy={busy} label="Create key" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}
