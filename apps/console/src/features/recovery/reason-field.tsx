import { type FocusEvent, type Ref, useId } from "react";
import { confirmModifierLabel } from "../../lib/shortcut.ts";
import { Field } from "../../ui/field.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import { Textarea } from "../../ui/textarea.tsx";

/** The API keeps a reason of 1 to 500 characters with every action. */
export const REASON_MAX = 500;

type ReasonFieldProps = {
  value: string;
  onChange: (value: string) => void;
  error: string | null;
  fieldRef: Ref<HTMLTextAreaElement>;
  /** What the box is called; "Reason" unless the step asks for something else, e.g. a note. */
  label?: string;
};

/** Start typing at the end of the suggested reason, so adding to it is one keystroke away. */
function caretToEnd(event: FocusEvent<HTMLTextAreaElement>) {
  const box = event.currentTarget;
  box.setSelectionRange(box.value.length, box.value.length);
}

/** Why the action is taken, in the agent's words; it lands in the audit trail. */
export function ReasonField({ value, onChange, error, fieldRef, label = "Reason" }: ReasonFieldProps) {
  const id = useId();
  return (
    <Field label={label} id={id} error={error} describedBy={[`${id}-about`, `${id}-count`]} errorLast>
      {(control) => (
        <>
          <Textarea
            ref={fieldRef}
            {...control}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            onFocus={caretToEnd}
            rows={3}
            maxLength={REASON_MAX}
            required
          />
          <div className="reason__hints">
            <p id={`${id}-about`} className="field__hint">
              Kept in the audit trail under your name. <Kbd>{confirmModifierLabel()}</Kbd> + <Kbd>Enter</Kbd> confirms.
            </p>
            <p id={`${id}-count`} className="field__hint reason__count">
              {value.length} of {REASON_MAX} characters
            </p>
          </div>
        </>
      )}
    </Field>
  );
}
