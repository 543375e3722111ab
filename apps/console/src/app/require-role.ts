import { type Role, roleAtLeast, type Staff } from "@recovery-desk/shared";

/** Thrown by `requireRole` when the signed-in staff member's role is below the page's. */
export class RoleRequiredError extends Error {
  override readonly name = "RoleRequiredError";
  constructor(readonly role: Role) {
    super(`This page needs the ${role} role.`);
  }
}

/** True when the staff member's role is `role` or above it. */
export function hasRole(staff: Staff, role: Role): boolean {
  return roleAtLeast(staff.role, role);
}

/**
 * A route's `beforeLoad` for a page that needs `role`: below it nothing loads and the page's error
 * component explains which role is needed. The role stays in the route context, so a later 403 from
 * the API (the role was taken away during the session) is explained the same way.
 */
export function requireRole(role: Role) {
  return ({ context }: { context: { staff: Staff } }): { requiredRole: Role } => {
    if (!hasRole(context.staff, role)) throw new RoleRequiredError(role);
    return { requiredRole: role };
  };
}

/** What a role-gated page is and where to turn instead, shown to someone without the role. */
export interface RoleRequiredWords {
  /** What the page is, in a sentence: "The audit trail (…) is for supervisors and admins." */
  what: string;
  /** Where to turn instead, for someone with the signed-in role. */
  advice: string;
}

declare module "@tanstack/react-router" {
  interface StaticDataRouteOption {
    /** On a route guarded by `requireRole`: the words of its role-needed page. */
    roleRequired?: RoleRequiredWords;
  }
}
