import type { StaffMember } from "@recovery-desk/shared";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useRef, useState } from "react";
import { staffQuery } from "../../api/admin-staff.ts";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { AddStaffButton } from "./add-staff-dialog.tsx";
import { AdminPageHeader } from "./admin-page-header.tsx";
import { InactivitySweep } from "./inactivity-sweep.tsx";
import { StaffAccessDialog } from "./staff-access-dialog.tsx";
import { StaffRoleDialog } from "./staff-role-dialog.tsx";
import { StaffSignInDialog } from "./staff-sign-in-dialog.tsx";
import { type StaffAction, StaffTable, staffRowId } from "./staff-table.tsx";
import { StatusMessage } from "./status-message.tsx";

const authenticatedRoute = getRouteApi("/_authenticated");

/** Who may use the console: add people, change their role, disable or enable them. */
export function StaffScreen() {
  const { staff: me } = authenticatedRoute.useRouteContext();
  const { data: staff } = useSuspenseQuery(staffQuery());
  const [status, setStatus] = useState("");
  const [editing, setEditing] = useState<{ member: StaffMember; action: StaffAction } | null>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const openedForRef = useRef<string | null>(null);

  const close = () => setEditing(null);
  const target = (action: StaffAction) => (editing?.action === action ? editing.member : null);
  const isSelf = editing?.member.id === me.id;

  return (
    <div className="stack stack--lg">
      <AdminPageHeader
        title="Staff"
        intro="Everyone who can sign in to the console. Give each person the lowest role their work needs; disable someone as soon as they leave."
        action={
          <AddStaffButton
            onAdded={(member) =>
              setStatus(`${member.displayName} was added as ${ROLE_LABELS[member.role]}. They can sign in now.`)
            }
          />
        }
      />
      <StatusMessage message={status} />
      {staff.length === 0 ? (
        <p className="empty-state">Nobody is on the staff list yet.</p>
      ) : (
        <StaffTable
          staff={staff}
          meId={me.id}
          onAction={(member, action, button) => {
            openerRef.current = button;
            openedForRef.current = member.id;
            setEditing({ member, action });
          }}
        />
      )}
      <InactivitySweep />
      <StaffRoleDialog
        member={target("role")}
        isSelf={isSelf}
        returnFocusTo={openerRef}
        onClose={close}
        onChanged={(updated, before) => {
          setStatus(`${updated.displayName} is now ${ROLE_LABELS[updated.role]} (was ${ROLE_LABELS[before.role]}).`);
          close();
        }}
      />
      <StaffAccessDialog
        member={target("access")}
        isSelf={isSelf}
        returnFocusTo={openerRef}
        onClose={close}
        onChanged={(updated) => {
          setStatus(
            updated.disabled
              ? `${updated.displayName} is disabled. Their sessions have ended.`
              : `${updated.displayName} is enabled and can sign in again.`,
          );
          close();
        }}
      />
      <StaffSignInDialog
        member={target("sign-in")}
        // The button goes once sign-in is unblocked: the keyboard then waits on the person's row.
        returnFocusTo={() =>
          openerRef.current?.isConnected
            ? openerRef.current
            : document.getElementById(staffRowId(openedForRef.current ?? ""))
        }
        onClose={close}
        onCleared={(updated) => {
          setStatus(`${updated.displayName} can sign in again.`);
          close();
        }}
      />
    </div>
  );
}
