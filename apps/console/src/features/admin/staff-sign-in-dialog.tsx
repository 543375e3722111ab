import type { StaffMember } from "@recovery-desk/shared";
import type { FocusReturn } from "./admin-dialog.tsx";
import { StaffConfirmDialog, type StaffConfirmWords } from "./staff-confirm-dialog.tsx";

type StaffSignInDialogProps = {
  /** Whose sign-in is blocked; null while closed. */
  member: StaffMember | null;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onCleared: (updated: StaffMember) => void;
};

const words = (member: StaffMember | null): StaffConfirmWords => ({
  title: member ? `Let ${member.displayName} sign in again?` : "Let them sign in again?",
  description: member
    ? `The failed attempts for ${member.username} are cleared and they can sign in at once. If they did not make those attempts, someone may be guessing their password.`
    : "",
  confirmLabel: "Clear failed attempts",
  tone: "primary",
});

/**
 * "Let … sign in again?": clears the failed attempts that have a username refused, for someone
 * locked out by their own typos or by someone else's guesses.
 */
export function StaffSignInDialog({ member, returnFocusTo, onClose, onCleared }: StaffSignInDialogProps) {
  return (
    <StaffConfirmDialog
      member={member}
      isSelf={false}
      returnFocusTo={returnFocusTo}
      onClose={onClose}
      onChanged={onCleared}
      words={words}
      changeOf={(target) => ({ target, clearSignInLimit: true })}
    />
  );
}
