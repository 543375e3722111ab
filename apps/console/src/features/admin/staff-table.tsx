import type { StaffMember } from "@recovery-desk/shared";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { formatTime } from "../../lib/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { CheckIcon, LockIcon, PauseIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { AdminTable } from "./admin-table.tsx";

export type StaffAction = "role" | "access" | "sign-in";

type StaffTableProps = {
  staff: StaffMember[];
  /** The signed-in admin: their own row has no controls, since nobody may demote or disable themselves. */
  meId: string;
  onAction: (member: StaffMember, action: StaffAction, button: HTMLButtonElement) => void;
};

export const staffRowId = (id: string) => `staff-${id}`;

/** Everyone who can sign in to the console, with their role, whether they may sign in, and what can be changed. */
export function StaffTable({ staff, meId, onAction }: StaffTableProps) {
  return (
    <AdminTable caption="Staff, by username" columns={["Username", "Name", "Role", "Status"]}>
      {staff.map((member) => {
        const isMe = member.id === meId;
        const reasonId = `${staffRowId(member.id)}-why`;
        return (
          <tr key={member.id} data-disabled={member.disabled || undefined}>
            <th scope="row" id={staffRowId(member.id)} tabIndex={-1}>
              <code className="username">{member.username}</code>
            </th>
            <td>
              {member.displayName}
              {isMe ? <span className="admin-table__sub">(you)</span> : null}
            </td>
            <td>{ROLE_LABELS[member.role]}</td>
            <td>
              {member.disabled ? (
                <Badge tone="neutral" icon={<PauseIcon />}>
                  Disabled
                </Badge>
              ) : (
                <Badge tone="success" icon={<CheckIcon />}>
                  Active
                </Badge>
              )}
              {member.signInLimitedUntil ? (
                <span className="admin-table__limited">
                  <Badge tone="warning" icon={<LockIcon />}>
                    Sign-in blocked until {formatTime(member.signInLimitedUntil)}
                  </Badge>
                </span>
              ) : null}
            </td>
            <td className="admin-table__actions">
              <div className="cluster">
                <Button
                  size="sm"
                  disabled={isMe}
                  aria-describedby={isMe ? reasonId : undefined}
                  onClick={(event) => onAction(member, "role", event.currentTarget)}
                >
                  Change role <VisuallyHidden>of {member.displayName}</VisuallyHidden>
                </Button>
                <Button
                  size="sm"
                  disabled={isMe}
                  aria-describedby={isMe ? reasonId : undefined}
                  onClick={(event) => onAction(member, "access", event.currentTarget)}
                >
                  {member.disabled ? "Enable " : "Disable "}
                  <VisuallyHidden>{member.displayName}</VisuallyHidden>
                </Button>
                {member.signInLimitedUntil ? (
                  <Button size="sm" onClick={(event) => onAction(member, "sign-in", event.currentTarget)}>
                    Unblock sign-in <VisuallyHidden>for {member.displayName}</VisuallyHidden>
                  </Button>
                ) : null}
              </div>
              {isMe ? (
                <p id={reasonId} className="admin-table__reason">
                  You cannot change your own role or access. Another admin can.
                </p>
              ) : null}
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
}
