import { type Ref, useId } from "react";
import { AlertRegion } from "../../ui/alert.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";

type CaseRefFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  inputRef: Ref<HTMLInputElement>;
};

/** The call's case reference; it is kept with the verification and every audited action of the call. */
export function CaseRefField({ value, onChange, error, inputRef }: CaseRefFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field case-ref">
      <Label htmlFor={id}>
        Case reference <span className="label__optional">(optional)</span>
      </Label>
      <Input
        ref={inputRef}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      />
      <p id={hintId} className="field__hint">
        The call's case number, for example CASE-2026-0042.
      </p>
      <AlertRegion id={errorId} className="field__error">
        {error}
      </AlertRegion>
    </div>
  );
}
