import { useEffect, useState } from "react";
import { Button } from "../../ui/button.tsx";
import { CheckIcon, DuplicateIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

/** How long "Copied" stays on the button. */
const COPIED_MS = 2_000;

/** Copies a long value (a hash, an id) to the clipboard and says so, on the button and to screen readers. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="copy-button">
      <Button size="sm" variant="quiet" aria-label={label} onClick={copy}>
        {state === "copied" ? <CheckIcon /> : <DuplicateIcon />}
        {state === "copied" ? "Copied" : "Copy"}
      </Button>
      <span role="status" className="copy-button__status">
        {state === "copied" ? <VisuallyHidden>Copied to the clipboard</VisuallyHidden> : null}
        {state === "failed" ? "Could not copy: select the text and copy it by hand." : null}
      </span>
    </span>
  );
}
