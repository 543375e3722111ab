import type { StaffMember } from "@recovery-desk/shared";
import type { FocusReturn } from "./admin-dialog.tsx";
import { describeStaffChangeProblem } from "./admin-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { useStaffChange } from "./use-staff-change.ts";

type StaffAccessDialogProps = {
  /** Whose access is being changed; null while closed. */
  member: StaffMember | null;
  isSelf: boolean;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onChanged: (updated: StaffMember) => void;
};

/** "Disable …?" (their sessions end at once) or "Enable …?" (they can sign in again). */
export function StaffAccessDialog({ member, isSelf, returnFocusTo, onClose, onChanged }: StaffAccessDialogProps) {
  const { change, busy, error, reset } = useStaffChange({ onChanged: (updated) => onChanged(updated) });
  const disabling = member ? !member.disabled : true;

  return (
    <ConfirmDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (open) return;
        reset();
        onClose();
      }}
      returnFocusTo={returnFocusTo}
      title={member ? `${disabling ? "Disable" : "Enable"} ${member.displayName}?` : "Change access?"}
      description={
        disabling
          ? "Their sessions end at once. They cannot sign in until an admin enables them again."
          : "They can sign in again with their password, with the role they had."
      }
      confirmLabel={disabling ? "Disable" : "Enable"}
      tone={disabling ? "danger" : "primary"}
      busy={busy}
      problem={member && error ? describeStaffChangeProblem(error, member, isSelf) : null}
      onConfirm={() => {
        if (member) change({ target: member, change: { disabled: disabling } });
      }}
    />
  );
}
