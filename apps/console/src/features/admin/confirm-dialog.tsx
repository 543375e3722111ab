import { type ReactNode, useRef } from "react";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { AdminDialog, type FocusReturn } from "./admin-dialog.tsx";

type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  returnFocusTo: FocusReturn;
  title: string;
  /** What will happen, in a sentence or two. */
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  busy: boolean;
  problem: ProblemMessage | null;
  /** False once a refusal made the change pointless (e.g. the key was revoked meanwhile): only Close is left. */
  canConfirm?: boolean;
  onConfirm: () => void;
};

/**
 * "Are you sure?" before a change that takes effect at once. The keyboard starts on Cancel, so an
 * Enter pressed by habit changes nothing; a refusal is read out inside the dialog.
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  returnFocusTo,
  title,
  description,
  confirmLabel,
  tone = "danger",
  busy,
  problem,
  canConfirm = true,
  onConfirm,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <AdminDialog
      open={open}
      onOpenChange={onOpenChange}
      returnFocusTo={returnFocusTo}
      closable={!busy}
      role="alertdialog"
      onOpenAutoFocus={(event) => {
        event.preventDefault();
        cancelRef.current?.focus();
      }}
    >
      <div className="stack">
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <AlertRegion>{problem ? <ProblemNotice title="Not done" problem={problem} /> : null}</AlertRegion>
        <div className="cluster dialog__buttons">
          {canConfirm ? (
            <Button variant={tone} busy={busy} onClick={onConfirm}>
              {confirmLabel}
            </Button>
          ) : null}
          <Button
            ref={cancelRef}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (!busy) onOpenChange(false);
            }}
          >
            {canConfirm ? "Cancel" : "Close"}
          </Button>
        </div>
      </div>
    </AdminDialog>
  );
}
