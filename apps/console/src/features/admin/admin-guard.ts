import { roleAtLeast, type Staff } from "@recovery-desk/shared";
import { isApiProblem } from "../../api/problem.ts";

/** Thrown by the admin section's guard when someone without the admin role opens one of its pages. */
export class AdminRoleRequired extends Error {
  override readonly name = "AdminRoleRequired";
  constructor() {
    super("This page needs the admin role.");
  }
}

export function isAdmin(staff: Staff): boolean {
  return roleAtLeast(staff.role, "admin");
}

/** True for our own guard and for the API's 403 (e.g. the role was taken away during the session). */
export function needsAdminRole(error: unknown): boolean {
  return error instanceof AdminRoleRequired || (isApiProblem(error) && error.code === "forbidden");
}
