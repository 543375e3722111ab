import { type FocusEvent, type Ref, useId } from "react";
import { confirmModifierLabel } from "../../lib/shortcut.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import { Label } from "../../ui/label.tsx";
import { Textarea } from "../../ui/textarea.tsx";

/** The API keeps a reason of 1 to 500 characters with every action. */
export const REASON_MAX = 500;

type ReasonFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  fieldRef: Ref<HTMLTextAreaElement>;
};

/** Start typing at the end of the suggested reason, so adding to it is one keystroke away. */
function caretToEnd(event: FocusEvent<HTMLTextAreaElement>) {
  const box = event.currentTarget;
  box.setSelectionRange(box.value.length, box.value.length);
}

/** Why the action is taken, in the agent's words; it lands in the audit trail. */
export function ReasonField({ value, onChange, error, fieldRef }: ReasonFieldProps) {
  const id = useId();
  const describedBy = [`${id}-hint`, `${id}-count`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <Label htmlFor={id}>Reason</Label>
      <Textarea
        ref={fieldRef}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onFocus={caretToEnd}
        rows={3}
        maxLength={REASON_MAX}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <div className="reason__hints">
        <p id={`${id}-hint`} className="field__hint">
          Kept in the audit trail under your name. <Kbd>{confirmModifierLabel()}</Kbd> + <Kbd>Enter</Kbd> confirms.
        </p>
        <p id={`${id}-count`} className="field__hint reason__count">
          {value.length} of {REASON_MAX} characters
        </p>
      </div>
      <AlertRegion id={`${id}-error`} className="field__error">
        {error}
      </AlertRegion>
    </div>
  );
}
