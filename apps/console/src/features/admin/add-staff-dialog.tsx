import type { CreateStaffRequest, StaffMember } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { createStaff, staffKeys } from "../../api/admin-staff.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { Button } from "../../ui/button.tsx";
import { DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { AddStaffForm } from "./add-staff-form.tsx";
import { AdminDialog } from "./admin-dialog.tsx";
import { CopyOnce } from "./copy-once.tsx";

/** "Add staff member": a button and the dialog it opens, from the form to the initial password shown once. */
export function AddStaffButton({ onAdded }: { onAdded: (member: StaffMember) => void }) {
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [closable, setClosable] = useState(true);

  function changeOpen(next: boolean) {
    setOpen(next);
    if (!next) setClosable(true);
  }

  return (
    <>
      <Button ref={buttonRef} variant="primary" onClick={() => setOpen(true)}>
        Add staff member
      </Button>
      <AdminDialog open={open} onOpenChange={changeOpen} returnFocusTo={buttonRef} closable={closable}>
        <AddStaffFlow
          onClosableChange={setClosable}
          onCancel={() => changeOpen(false)}
          onDone={(member) => {
            changeOpen(false);
            onAdded(member);
          }}
        />
      </AdminDialog>
    </>
  );
}

type FlowProps = {
  onClosableChange: (closable: boolean) => void;
  onCancel: () => void;
  onDone: (member: StaffMember) => void;
};

function describeAddProblem(error: unknown, request: CreateStaffRequest | undefined): ProblemMessage {
  if (isApiProblem(error) && error.code === "conflict") {
    return {
      message: `The username “${request?.username ?? ""}” is taken. Choose another one.`,
      requestId: null,
    };
  }
  return describeProblem(error);
}

/**
 * Lives inside the dialog, so the initial password goes when the dialog closes. It is kept in this
 * component's state only, never in the query or mutation cache.
 */
function AddStaffFlow({ onClosableChange, onCancel, onDone }: FlowProps) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: async (request: CreateStaffRequest): Promise<StaffMember> => {
      onClosableChange(false);
      const { staff, initialPassword } = await createStaff(request);
      setPassword(initialPassword);
      return staff;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.list() }),
    onError: () => onClosableChange(true),
  });

  if (password && add.data) {
    const member = add.data;
    return (
      <div className="stack">
        <DialogTitle>Give {member.displayName} their initial password</DialogTitle>
        <DialogDescription>
          <code>{member.username}</code> can sign in now with this password.
        </DialogDescription>
        <CopyOnce
          label="Initial password"
          secret={password}
          warning={`This password is shown only now, and nobody can look it up later. Pass it to ${member.displayName} in person or by phone before closing.`}
          confirmation="I have passed on the password"
          onStoredChange={onClosableChange}
          onDone={() => onDone(member)}
        />
      </div>
    );
  }

  const usernameTaken = isApiProblem(add.error) && add.error.code === "conflict";
  return (
    <div className="stack">
      <DialogTitle>Add staff member</DialogTitle>
      <DialogDescription>
        They get an initial password, shown once after this step, to sign in to the console.
      </DialogDescription>
      <AddStaffForm
        busy={add.isPending}
        problem={add.isError ? describeAddProblem(add.error, add.variables) : null}
        usernameTaken={usernameTaken}
        onSubmit={(request) => add.mutate(request)}
        onCancel={onCancel}
      />
    </div>
  );
}
