import type { Role, StaffMember } from "@recovery-desk/shared";
import { type FormEvent, useState } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { AdminDialog, type FocusReturn } from "./admin-dialog.tsx";
import { describeStaffChangeProblem } from "./admin-words.ts";
import { RoleField } from "./role-field.tsx";
import { useStaffChange } from "./use-staff-change.ts";

type StaffRoleDialogProps = {
  /** Whose role is being changed; null while closed. */
  member: StaffMember | null;
  isSelf: boolean;
  returnFocusTo: FocusReturn;
  onClose: () => void;
  onChanged: (updated: StaffMember, before: StaffMember) => void;
};

/** A small dialog to give someone another role; it takes effect with their next request. */
export function StaffRoleDialog({ member, isSelf, returnFocusTo, onClose, onChanged }: StaffRoleDialogProps) {
  const staffChange = useStaffChange({ onChanged });

  return (
    <AdminDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (open) return;
        staffChange.reset();
        onClose();
      }}
      returnFocusTo={returnFocusTo}
      closable={!staffChange.busy}
    >
      {member ? (
        <RoleForm
          key={member.id}
          member={member}
          busy={staffChange.busy}
          problem={staffChange.error ? describeStaffChangeProblem(staffChange.error, member, isSelf) : null}
          onSave={(role) => staffChange.change({ target: member, change: { role } })}
          onCancel={() => {
            if (!staffChange.busy) onClose();
          }}
        />
      ) : null}
    </AdminDialog>
  );
}

type RoleFormProps = {
  member: StaffMember;
  busy: boolean;
  problem: ReturnType<typeof describeStaffChangeProblem> | null;
  onSave: (role: Role) => void;
  onCancel: () => void;
};

function RoleForm({ member, busy, problem, onSave, onCancel }: RoleFormProps) {
  const [role, setRole] = useState<Role>(member.role);
  const unchanged = role === member.role;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || unchanged) return;
    onSave(role);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <DialogTitle>Change the role of {member.displayName}</DialogTitle>
      <DialogDescription>
        <code>{member.username}</code> has the {ROLE_LABELS[member.role]} role now. A new role applies at once, from
        their next request.
      </DialogDescription>
      <AlertRegion>{problem ? <ProblemNotice title="The role was not changed" problem={problem} /> : null}</AlertRegion>
      <RoleField value={role} onChange={setRole} />
      <div className="cluster dialog__buttons">
        <Button type="submit" variant="primary" busy={busy} disabled={unchanged}>
          Save role
        </Button>
        <Button aria-disabled={busy || undefined} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
