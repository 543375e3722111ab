import type { StaffMember } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clearSignInLimit, staffKeys } from "../../api/admin-staff.ts";
import { isApiProblem } from "../../api/problem.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import type { FocusReturn } from "./admin-dialog.tsx";
import { describeStaffChangeProblem } from "./admin-words.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

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
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const fingerprint = (target: StaffMember) => `staff-sign-in:${target.id}`;

  const clear = useMutation({
    mutationFn: ({ target, key }: { target: StaffMember; key: string }) => clearSignInLimit(target.id, key),
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (updated, { target }) => {
      keys.settle(fingerprint(target), true);
      queryClient.setQueryData(staffKeys.list(), (list: StaffMember[] | undefined) =>
        list?.map((one) => (one.id === updated.id ? updated : one)),
      );
      void queryClient.invalidateQueries({ queryKey: staffKeys.list() });
      onCleared(updated);
    },
    onError: (error, { target }) => {
      keys.settle(fingerprint(target), outcomeKnown(error));
      if (isApiProblem(error) && error.isClientError)
        void queryClient.invalidateQueries({ queryKey: staffKeys.list() });
    },
  });

  return (
    <ConfirmDialog
      open={member !== null}
      onOpenChange={(open) => {
        if (open) return;
        clear.reset();
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
      busy={clear.isPending}
      problem={member && clear.error ? describeStaffChangeProblem(clear.error, member, false) : null}
      onConfirm={() => {
        if (member) clear.mutate({ target: member, key: keys.keyFor(fingerprint(member)) });
      }}
    />
  );
}
