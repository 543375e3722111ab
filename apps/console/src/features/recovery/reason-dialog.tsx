import { Reason } from "@recovery-desk/shared";
import { type FormEvent, type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DialogClose, DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { REASON_MAX, ReasonField } from "./reason-field.tsx";

type ReasonDialogProps = {
  title: ReactNode;
  /** What will happen, in a sentence or two. */
  description: ReactNode;
  /** What the agent sees or chooses between the description and the reason: a table, a channel, accounts. */
  children?: ReactNode;
  /** The reason offered to start with, e.g. from how the caller was verified. */
  suggestedReason?: string;
  /** The call's case, shown under the reason; leave it out for a step that is not part of a call. */
  caseRef?: string | null;
  /** Why confirming cannot or did not work: an alert, read out as it appears. */
  problem: ReactNode;
  confirmLabel: string;
  confirmVariant?: "primary" | "danger";
  busy: boolean;
  /** Confirming cannot work now (e.g. the verified window has closed): the button is off and Enter does nothing. */
  blocked?: boolean;
  /** Enter in a one-line field or on a button confirms too, not only Ctrl/⌘+Enter. */
  enterConfirms?: boolean;
  /** Checks the choices above the reason first; false stops, having shown and focused its own error. */
  checkChoices?: () => boolean;
  onConfirm: (reason: string) => void;
  /** What the reason box is called, e.g. "Note"; "Reason" otherwise. */
  reasonLabel?: string;
};

/**
 * The confirm step of an audited action: what will happen, a reason for the audit trail, the call's
 * case, and why it failed if it did. Ctrl/⌘+Enter confirms from the reason box; Escape and Cancel close.
 * Lives inside a DialogContent.
 */
export function ReasonDialog({
  title,
  description,
  children,
  suggestedReason = "",
  caseRef,
  problem,
  confirmLabel,
  confirmVariant = "primary",
  busy,
  blocked = false,
  enterConfirms = false,
  checkChoices,
  onConfirm,
  reasonLabel = "Reason",
}: ReasonDialogProps) {
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState(suggestedReason);
  const [reasonError, setReasonError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || blocked) return;
    if (checkChoices && !checkChoices()) return;
    const checked = Reason.safeParse(reason);
    if (!checked.success) {
      setReasonError(
        reason.trim()
          ? `The ${reasonLabel.toLowerCase()} can be at most ${REASON_MAX} characters.`
          : `Give a ${reasonLabel.toLowerCase()}; it is kept in the audit trail.`,
      );
      reasonBox.current?.focus();
      return;
    }
    setReasonError(null);
    onConfirm(checked.data);
  }

  function confirmWithKeyboard(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const inOneLineField = enterConfirms && event.target instanceof HTMLInputElement;
    if (event.ctrlKey || event.metaKey || inOneLineField) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form className="stack" onSubmit={submit} onKeyDown={confirmWithKeyboard} noValidate>
      <DialogTitle>{title}</DialogTitle>
      <DialogDescription>{description}</DialogDescription>
      {children}
      <ReasonField value={reason} onChange={setReason} error={reasonError} fieldRef={reasonBox} label={reasonLabel} />
      {caseRef === undefined ? null : (
        <p className="dialog__case">
          <span className="label">Case reference:</span>{" "}
          {caseRef ? <code className="reference">{caseRef}</code> : "none was given when the caller was verified"}
        </p>
      )}
      <AlertRegion>{problem}</AlertRegion>
      <div className="cluster dialog__buttons">
        <Button type="submit" variant={confirmVariant} busy={busy} disabled={blocked || undefined}>
          {confirmLabel}
        </Button>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
      </div>
    </form>
  );
}
