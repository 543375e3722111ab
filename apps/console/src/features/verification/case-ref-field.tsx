import type { Ref } from "react";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";

type CaseRefFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/** The call's case reference; it is kept with the verification and every audited action of the call. */
export function CaseRefField({ value, onChange, error, inputRef }: CaseRefFieldProps) {
  return (
    <Field
      className="case-ref"
      label={
        <>
          Case reference <span className="label__optional">(optional)</span>
        </>
      }
      hint="The call's case number, for example CASE-2026-0042."
      error={error}
    >
      {(control) => (
        <Input
          ref={inputRef}
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
      )}
    </Field>
  );
}
