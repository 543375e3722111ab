import type { StaffMember } from "@recovery-desk/shared";
import type { FocusReturn } from "./admin-dialog.tsx";
import { describeStaffChangeProblem } from "./admin-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { useStaffChange } from "./use-staff-change.ts";

type StaffSignInDialogProps = {
  /** Whose sign-in is blocked; null while closed. */
  member: StaffMember | null;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onCleared: (updated: StaffMember) => void;
};

/**
 * "Let … sign in again?": clears the failed attempts that have a username refused, for someone
 * locked out by their own typos or by someone else's guesses.
 */
export function StaffSignInDialog({ member, returnFocusTo, onClose, onCleared }: StaffSignInDialogProps) {
  const { change, busy, error, reset } = useStaffChange({ onChanged: (updated) => onCleared(updated) });

  return (
    <ConfirmDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (open) return;
        reset();
        onClose();
      }}
      returnFocusTo={returnFocusTo}
      title={member ? `Let ${member.displayName} sign in again?` : "Let them sign in again?"}
      description={
        member
          ? `The failed attempts for ${member.username} are cleared and they can sign in at once. If they did not make those attempts, someone may be guessing their password.`
          : ""
      }
      confirmLabel="Clear failed attempts"
      tone="primary"
      busy={busy}
      problem={member && error ? describeStaffChangeProblem(error, member, false) : null}
      onConfirm={() => {
        if (member) change({ target: member, clearSignInLimit: true });
      }}
    />
  );
}
