import type { StaffMember, UpdateStaffRequest } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { clearSignInLimit, staffKeys, updateStaff } from "../../api/admin-staff.ts";
import { isApiProblem } from "../../api/problem.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";

/** A change to someone's role or access, or clearing the failed sign-in attempts that block them. */
export type StaffChange =
  | { target: StaffMember; change: UpdateStaffRequest }
  | { target: StaffMember; clearSignInLimit: true };

const fingerprint = (request: StaffChange) =>
  "change" in request
    ? `staff:${request.target.id}:${JSON.stringify(request.change)}`
    : `staff-sign-in:${request.target.id}`;

const send = (request: StaffChange, key: string) =>
  "change" in request ? updateStaff(request.target.id, request.change, key) : clearSignInLimit(request.target.id, key);

/**
 * Changes someone's role or access, or lets them sign in again. A dropped connection is tried once
 * more with the same Idempotency-Key, so it can never act twice; the answer goes into the staff
 * list at once.
 */
export function useStaffChange({ onChanged }: { onChanged: (updated: StaffMember, before: StaffMember) => void }) {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();

  const mutation = useMutation({
    mutationFn: ({ request, key }: { request: StaffChange; key: string }) => send(request, key),
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (updated, { request }) => {
      keys.settle(fingerprint(request), true);
      queryClient.setQueryData(staffKeys.list(), (list: StaffMember[] | undefined) =>
        list?.map((member) => (member.id === updated.id ? updated : member)),
      );
      void queryClient.invalidateQueries({ queryKey: staffKeys.list() });
      onChanged(updated, request.target);
    },
    onError: (error, { request }) => {
      keys.settle(fingerprint(request), outcomeKnown(error));
      // Someone else may have changed the list meanwhile (the last admin, a removed person).
      if (isApiProblem(error) && error.isClientError)
        void queryClient.invalidateQueries({ queryKey: staffKeys.list() });
    },
  });

  return {
    change: (request: StaffChange) => mutation.mutate({ request, key: keys.keyFor(fingerprint(request)) }),
    busy: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
  };
}
