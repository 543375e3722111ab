import { roleAtLeast, type Staff } from "@recovery-desk/shared";
import { isApiProblem } from "../../api/problem.ts";

/** Thrown by the audit page's guard when an agent opens it. */
export class SupervisorRoleRequired extends Error {
  override readonly name = "SupervisorRoleRequired";
  constructor() {
    super("This page needs the supervisor role.");
  }
}

/** Supervisors and admins review the audit trail. */
export function canReviewAudit(staff: Staff): boolean {
  return roleAtLeast(staff.role, "supervisor");
}

/** True for our own guard and for the API's 403 (e.g. the role was taken away during the session). */
export function needsSupervisorRole(error: unknown): boolean {
  return error instanceof SupervisorRoleRequired || (isApiProblem(error) && error.code === "forbidden");
}
