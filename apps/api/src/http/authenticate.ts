import { type Role, roleAtLeast } from "@recovery-desk/shared";
import { createMiddleware } from "hono/factory";
import { validateSession } from "../features/auth/sessions.ts";
import type { AppEnv, Principal } from "./context.ts";
import { ApiError } from "./errors.ts";
import { readSessionCookie } from "./session-cookie.ts";

/** Loads the principal from the session cookie, if there is one. Never refuses by itself. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const token = readSessionCookie(c);
  const { database, config, clock } = c.var.deps;
  c.set("principal", token ? await validateSession(database.db, config, token, clock.now()) : null);
  await next();
});

/** Who may call a route: anyone, or staff of at least a role. */
export type Access = "public" | Role;

/** Refuses the request unless the principal has the access the route declares. */
export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (access !== "public") requirePrincipal(c.var.principal, access);
    await next();
  });
}

export function requirePrincipal(principal: Principal | null, role: Role): Principal {
  if (!principal) throw new ApiError("unauthenticated", "Sign in to use this.");
  if (!roleAtLeast(principal.role, role)) throw new ApiError("forbidden", `This needs the ${role} role or higher.`);
  return principal;
}
