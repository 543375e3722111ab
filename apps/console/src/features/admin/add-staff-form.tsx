import { CreateStaffRequest, ROLES, type Role } from "@recovery-desk/shared";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";
import { Select } from "../../ui/select.tsx";
import { ROLE_DESCRIPTIONS } from "./admin-words.ts";

type AddStaffFormProps = {
  busy: boolean;
  problem: ProblemMessage | null;
  /** The API said the username is taken: mark the field and put the keyboard back in it. */
  usernameTaken: boolean;
  onSubmit: (request: CreateStaffRequest) => void;
  onCancel: () => void;
};

type Field = "username" | "displayName";
type FieldErrors = Partial<Record<Field, string>>;

const FIELD_MESSAGES: Record<Field, (value: string) => string> = {
  username: (value) =>
    value.trim() ? "Use 3 to 50 letters, digits, dots, dashes or underscores." : "Enter a username.",
  displayName: (value) => (value.trim() ? "Use at most 100 characters." : "Enter the person's name."),
};

/** Who the new staff member is and what they may do. */
export function AddStaffForm({ busy, problem, usernameTaken, onSubmit, onCancel }: AddStaffFormProps) {
  const id = useId();
  const usernameRef = useRef<HTMLInputElement>(null);
  const displayNameRef = useRef<HTMLInputElement>(null);
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (usernameTaken) usernameRef.current?.focus();
  }, [usernameTaken]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = CreateStaffRequest.safeParse({ username, displayName, role });
    if (!parsed.success) {
      const next: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "username") next.username = FIELD_MESSAGES.username(username);
        if (field === "displayName") next.displayName = FIELD_MESSAGES.displayName(displayName);
      }
      setErrors(next);
      (next.username ? usernameRef : displayNameRef).current?.focus();
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  }

  const usernameInvalid = Boolean(errors.username) || usernameTaken;
  const describedBy = (field: Field, hint?: string) =>
    [errors[field] ? `${id}-${field}-error` : null, hint].filter(Boolean).join(" ") || undefined;

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <AlertRegion id={`${id}-problem`}>
        {problem ? (
          <Alert tone="danger" title="Nobody was added">
            <p>{problem.message}</p>
            {problem.requestId ? (
              <p className="muted">
                Reference <code className="reference">{problem.requestId}</code>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </AlertRegion>
      <div className="field">
        <Label htmlFor={`${id}-username`}>Username</Label>
        <Input
          ref={usernameRef}
          id={`${id}-username`}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={60}
          aria-invalid={usernameInvalid || undefined}
          aria-describedby={describedBy(
            "username",
            [`${id}-username-hint`, usernameTaken ? `${id}-problem` : null].filter(Boolean).join(" "),
          )}
        />
        <p id={`${id}-username-hint`} className="field__hint">
          What they sign in with: 3 to 50 letters, digits, dots, dashes or underscores, for example olga.ortiz.
        </p>
        <AlertRegion id={`${id}-username-error`} className="field__error">
          {errors.username}
        </AlertRegion>
      </div>
      <div className="field">
        <Label htmlFor={`${id}-displayName`}>Display name</Label>
        <Input
          ref={displayNameRef}
          id={`${id}-displayName`}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          autoComplete="off"
          maxLength={120}
          aria-invalid={errors.displayName ? true : undefined}
          aria-describedby={describedBy("displayName")}
        />
        <AlertRegion id={`${id}-displayName-error`} className="field__error">
          {errors.displayName}
        </AlertRegion>
      </div>
      <div className="field">
        <Label htmlFor={`${id}-role`}>Role</Label>
        <Select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          aria-describedby={`${id}-role-about`}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {ROLE_LABELS[option]}
            </option>
          ))}
        </Select>
        <p id={`${id}-role-about`} className="field__hint">
          {ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}.
        </p>
      </div>
      <div className="cluster dialog__buttons">
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? "Adding…" : "Add staff member"}
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
    </form>
  );
}
