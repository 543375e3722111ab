import { CreateStaffRequest, type Role } from "@recovery-desk/shared";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { checkForm } from "../../lib/field-errors.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { RoleField } from "./role-field.tsx";
import { ShowOnceFormButtons } from "./show-once-dialog.tsx";

type AddStaffFormProps = {
  busy: boolean;
  problem: ProblemMessage | null;
  /** The API said the username is taken: mark the field and put the keyboard back in it. */
  usernameTaken: boolean;
  onSubmit: (request: CreateStaffRequest) => void;
  onCancel: () => void;
};

type FieldErrors = { username?: string; displayName?: string };

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
    const checked = checkForm(
      CreateStaffRequest.safeParse({ username, displayName, role }),
      {
        username: username.trim() ? "Use 3 to 50 letters, digits, dots, dashes or underscores." : "Enter a username.",
        displayName: displayName.trim() ? "Use at most 100 characters." : "Enter the person's name.",
      },
      { username: usernameRef, displayName: displayNameRef },
    );
    setErrors(checked.errors);
    if (checked.ok) onSubmit(checked.data);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <AlertRegion id={`${id}-problem`}>
        {problem ? <ProblemNotice title="Nobody was added" problem={problem} /> : null}
      </AlertRegion>
      <Field
        label="Username"
        hint="What they sign in with: 3 to 50 letters, digits, dots, dashes or underscores, for example olga.ortiz."
        error={errors.username ?? null}
        invalid={usernameTaken}
        describedBy={[usernameTaken && `${id}-problem`]}
      >
        {(control) => (
          <Input
            ref={usernameRef}
            {...control}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={60}
          />
        )}
      </Field>
      <Field label="Display name" error={errors.displayName ?? null}>
        {(control) => (
          <Input
            ref={displayNameRef}
            {...control}
            value={displayName}
            onChange={(event) => setDisplayName(event.target.value)}
            autoComplete="off"
            maxLength={120}
          />
        )}
      </Field>
      <RoleField value={role} onChange={setRole} />
      <ShowOnceFormButtons busy={busy} label="Add staff member" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}
