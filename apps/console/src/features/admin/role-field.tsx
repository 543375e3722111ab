import { ROLES, type Role } from "@recovery-desk/shared";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Field } from "../../ui/field.tsx";
import { Options, Select } from "../../ui/select.tsx";
import { ROLE_DESCRIPTIONS } from "./admin-words.ts";

/** A staff member's role, with what the chosen role may do written under it. */
export function RoleField({ value, onChange }: { value: Role; onChange: (role: Role) => void }) {
  return (
    <Field
      label="Role"
      hint={
        <>
          {ROLE_LABELS[value]}: {ROLE_DESCRIPTIONS[value]}.
        </>
      }
    >
      {(control) => (
        <Select {...control} value={value} onChange={(event) => onChange(event.target.value as Role)}>
          <Options values={ROLES} labels={ROLE_LABELS} />
        </Select>
      )}
    </Field>
  );
}
