import {
  CreatedStaff,
  type CreateStaffRequest,
  StaffList,
  StaffMember,
  SweepResult,
  type UpdateStaffRequest,
} from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export const staffKeys = {
  all: ["staff"] as const,
  list: () => [...staffKeys.all, "list"] as const,
};

/** All staff, by username. Admins only. */
export function staffQuery() {
  return queryOptions({
    queryKey: staffKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch(apiUrl("/staff"), { schema: StaffList, signal })).items,
  });
}

/**
 * Adds a staff member; the answer carries their initial password, shown once. No Idempotency-Key on
 * purpose: the API would keep the answer, password and all, for 24 hours to replay it.
 */
export function createStaff(request: CreateStaffRequest) {
  return apiFetch(apiUrl("/staff"), { method: "POST", body: request, schema: CreatedStaff });
}

/** Changes a role, or disables or enables someone; disabling ends their sessions at once. */
export function updateStaff(id: string, request: UpdateStaffRequest, idempotencyKey: string) {
  return apiFetch(apiUrl(`/staff/${encodeURIComponent(id)}`), {
    method: "PATCH",
    body: request,
    headers: { "Idempotency-Key": idempotencyKey },
    schema: StaffMember,
  });
}

/** Lets a staff member sign in again at once after too many failed attempts for their username. */
export function clearSignInLimit(id: string, idempotencyKey: string) {
  return apiFetch(apiUrl(`/staff/${encodeURIComponent(id)}/clear-sign-in-limit`), {
    method: "POST",
    headers: { "Idempotency-Key": idempotencyKey },
    schema: StaffMember,
  });
}

/** Deactivates customer accounts idle past the configured time now, instead of waiting for the schedule. */
export function runInactivitySweep(idempotencyKey: string) {
  return apiFetch(apiUrl("/admin/inactivity-sweep"), {
    method: "POST",
    body: {},
    headers: { "Idempotency-Key": idempotencyKey },
    schema: SweepResult,
  });
}
