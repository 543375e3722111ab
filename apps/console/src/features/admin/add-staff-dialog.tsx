import type { CreateStaffRequest, StaffMember } from "@recovery-desk/shared";
import { createStaff, staffKeys } from "../../api/admin-staff.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { AddStaffForm } from "./add-staff-form.tsx";
import { ShowOnceDialog } from "./show-once-dialog.tsx";

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
 * "Add staff member": a button and the dialog it opens, from the form to the initial password shown
 * once. The password lives only in the dialog and goes when it closes.
 */
export function AddStaffButton({ onAdded }: { onAdded: (member: StaffMember) => void }) {
  return (
    <ShowOnceDialog
      buttonLabel="Add staff member"
      title="Add staff member"
      description="They get an initial password, shown once after this step, to sign in to the console."
      form={({ busy, error, request, onSubmit, onCancel }) => (
        <AddStaffForm
          busy={busy}
          problem={error ? describeAddProblem(error, request) : null}
          usernameTaken={isApiProblem(error) && error.code === "conflict"}
          onSubmit={onSubmit}
          onCancel={onCancel}
        />
      )}
      create={async (request: CreateStaffRequest) => {
        const { staff, initialPassword } = await createStaff(request);
        return { created: staff, secret: initialPassword };
      }}
      listKey={staffKeys.list()}
      secret={(member) => ({
        title: `Give ${member.displayName} their initial password`,
        description: (
          <>
            <code>{member.username}</code> can sign in now with this password.
          </>
        ),
        label: "Initial password",
        warning: `This password is shown only now, and nobody can look it up later. Pass it to ${member.displayName} in person or by phone before closing.`,
        confirmation: "I have passed on the password",
      })}
      onDone={onAdded}
    />
  );
}
