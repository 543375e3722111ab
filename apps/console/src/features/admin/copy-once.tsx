import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";

type CopyOnceProps = {
  /** The field's label, e.g. "API key". */
  label: string;
  /** The secret itself; it lives only in the dialog that shows it and goes when the dialog closes. */
  secret: string;
  /** Why it must be kept now, e.g. "This key is shown only now. …". */
  warning: ReactNode;
  /** What the person ticks once the secret is safe, e.g. "I have stored the key". */
  confirmation: string;
  /** Told when the box is ticked or cleared, so the dialog can refuse to close before. */
  onStoredChange: (stored: boolean) => void;
  onDone: () => void;
};

/**
 * A secret shown once: read-only in a monospace field, a Copy button that says "Copied", a plain
 * warning, and a box to tick before "Done" can close the dialog. The keyboard starts on the field,
 * with the secret selected, so Ctrl+C works too.
 */
export function CopyOnce({ label, secret, warning, confirmation, onStoredChange, onDone }: CopyOnceProps) {
  const id = useId();
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);
  const [stored, setStored] = useState(false);

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  async function copy() {
    setCopied(false);
    try {
      await navigator.clipboard.writeText(secret);
      setCopyFailed(false);
      setCopied(true);
    } catch {
      setCopyFailed(true);
      fieldRef.current?.focus();
    }
  }

  return (
    <div className="stack copy-once">
      <Alert tone="info" className="alert--warning" title="Shown only now" id={`${id}-warning`}>
        <p>{warning}</p>
      </Alert>
      <div className="field">
        <Label htmlFor={`${id}-secret`}>{label}</Label>
        <div className="copy-once__row">
          <Input
            ref={fieldRef}
            id={`${id}-secret`}
            className="secret-field"
            value={secret}
            readOnly
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-warning`}
            onFocus={(event) => event.currentTarget.select()}
          />
          <Button onClick={() => void copy()}>Copy</Button>
        </div>
        <p role="status" className="copy-once__copied">
          {copied ? "Copied" : ""}
        </p>
        <AlertRegion className="field__error">
          {copyFailed
            ? `Copying did not work here. The ${label.toLowerCase()} is selected: press Ctrl+C to copy it.`
            : null}
        </AlertRegion>
      </div>
      <div className="checkbox">
        <input
          id={`${id}-stored`}
          type="checkbox"
          className="checkbox__input"
          checked={stored}
          onChange={(event) => {
            setStored(event.target.checked);
            onStoredChange(event.target.checked);
          }}
        />
        <Label htmlFor={`${id}-stored`}>{confirmation}</Label>
      </div>
      <div className="cluster dialog__buttons">
        <Button
          variant="primary"
          disabled={!stored}
          onClick={onDone}
          aria-describedby={stored ? undefined : `${id}-done-hint`}
        >
          Done
        </Button>
        {stored ? null : (
          <p id={`${id}-done-hint`} className="field__hint">
            Tick “{confirmation}” to close.
          </p>
        )}
      </div>
    </div>
  );
}
