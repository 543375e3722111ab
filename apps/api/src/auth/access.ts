import { type ApiScope, PROBLEM_DETAILS, type Role, roleAtLeast } from "@recovery-desk/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../http/context.ts";
import { ApiError } from "../http/errors.ts";
import { requestOrigin } from "../http/request-origin.ts";
import type { KeyPrincipal, Principal, StaffPrincipal } from "./principal.ts";
import type { KeyScope, StaffScope } from "./scope.ts";

/**
 * Who may call a route: anyone; staff of at least a role; services whose key has a scope; or
 * both (`{ role, scope }`). Everything else is refused: deny by default.
 */
export type Access = "public" | Role | { role?: Role; scope?: ApiScope };

export function describeAccess(access: Access): string {
  if (typeof access === "string") return access;
  return [access.role ? `staff: ${access.role}` : null, access.scope ? `key scope: ${access.scope}` : null]
    .filter(Boolean)
    .join("; ");
}

/** Refuses the request unless the principal has the access the route declares. */
export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (access !== "public") checkAccess(c.var.principal, access);
    await next();
  });
}

function checkAccess(principal: Principal | null, access: Exclude<Access, "public">): void {
  if (!principal) throw new ApiError("unauthenticated", PROBLEM_DETAILS.signInOrKey);
  const { role, scope } = typeof access === "string" ? { role: access, scope: undefined } : access;
  if (principal.kind === "staff") {
    if (!role) throw new ApiError("forbidden", "This is for services with an API key, not for staff.");
    if (!roleAtLeast(principal.role, role)) throw new ApiError("forbidden", PROBLEM_DETAILS.roleNeeded(role));
    return;
  }
  if (!scope) throw new ApiError("forbidden", "API keys cannot use this; it is for staff.");
  if (!principal.scopes.includes(scope))
    throw new ApiError("forbidden", `This needs an API key with the ${scope} scope.`);
}

/** The signed-in staff member with at least `role` (after `requireAccess`, for staff-only handlers). */
export function requireStaff(principal: Principal | null, role: Role): StaffPrincipal {
  checkAccess(principal, role);
  return principal as StaffPrincipal;
}

/** What a staff-only handler needs: the dependencies, the staff member (at least `role`), and where the request came from. */
export function staffScope(c: Context<AppEnv>, role: Role): StaffScope {
  return { deps: c.var.deps, staff: requireStaff(c.var.principal, role), origin: requestOrigin(c) };
}

/** What a handler for services needs: the dependencies, the calling key (after `requireAccess` with only a scope), and where the request came from. */
export function keyScope(c: Context<AppEnv>): KeyScope {
  return { deps: c.var.deps, key: c.var.principal as KeyPrincipal, origin: requestOrigin(c) };
}
