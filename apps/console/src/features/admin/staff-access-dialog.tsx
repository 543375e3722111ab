import type { StaffMember } from "@recovery-desk/shared";
import type { FocusReturn } from "./admin-dialog.tsx";
import { StaffConfirmDialog, type StaffConfirmWords } from "./staff-confirm-dialog.tsx";

type StaffAccessDialogProps = {
  /** Whose access is being changed; null while closed. */
  member: StaffMember | null;
  isSelf: boolean;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onChanged: (updated: StaffMember) => void;
};

/** Disabling unless the member is disabled already (and while the dialog closes). */
const disabling = (member: StaffMember | null) => (member ? !member.disabled : true);

const words = (member: StaffMember | null): StaffConfirmWords => {
  const disable = disabling(member);
  return {
    title: member ? `${disable ? "Disable" : "Enable"} ${member.displayName}?` : "Change access?",
    description: disable
      ? "Their sessions end at once. They cannot sign in until an admin enables them again."
      : "They can sign in again with their password, with the role they had.",
    confirmLabel: disable ? "Disable" : "Enable",
    tone: disable ? "danger" : "primary",
  };
};

/** "Disable …?" (their sessions end at once) or "Enable …?" (they can sign in again). */
export function StaffAccessDialog({ member, isSelf, returnFocusTo, onClose, onChanged }: StaffAccessDialogProps) {
  return (
    <StaffConfirmDialog
      member={member}
      isSelf={isSelf}
      returnFocusTo={returnFocusTo}
      onClose={onClose}
      onChanged={onChanged}
      words={words}
      changeOf={(target) => ({ target, change: { disabled: disabling(target) } })}
    />
  );
}
