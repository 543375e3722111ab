import type { StaffMember } from "@recovery-desk/shared";
import type { FocusReturn } from "./admin-dialog.tsx";
import { describeStaffChangeProblem } from "./admin-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { type StaffChange, useStaffChange } from "./use-staff-change.ts";

/** What the dialog says for one staff member (or while it closes, for none). */
export type StaffConfirmWords = {
  title: string;
  description: string;
  confirmLabel: string;
  tone: "danger" | "primary";
};

type StaffConfirmDialogProps = {
  /** Whom the change is for; null while closed. */
  member: StaffMember | null;
  /** Whether the member is the signed-in admin, for the wording of a refusal. */
  isSelf: boolean;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onChanged: (updated: StaffMember) => void;
  words: (member: StaffMember | null) => StaffConfirmWords;
  changeOf: (member: StaffMember) => StaffChange;
};

/** A yes-or-no change to one staff member, sent through `useStaffChange` once confirmed. */
export function StaffConfirmDialog({
  member,
  isSelf,
  returnFocusTo,
  onClose,
  onChanged,
  words,
  changeOf,
}: StaffConfirmDialogProps) {
  const { change, busy, error, reset } = useStaffChange({ onChanged: (updated) => onChanged(updated) });
  const { title, description, confirmLabel, tone } = words(member);

  return (
    <ConfirmDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (open) return;
        reset();
        onClose();
      }}
      returnFocusTo={returnFocusTo}
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      tone={tone}
      busy={busy}
      problem={member && error ? describeStaffChangeProblem(error, member, isSelf) : null}
      onConfirm={() => {
        if (member) change(changeOf(member));
      }}
    />
  );
}
