import { type ApiScope, type Role, roleAtLeast } from "@recovery-desk/shared";
import { createMiddleware } from "hono/factory";
import { authenticateKey } from "../features/api-keys/authenticate-key.ts";
import { validateSession } from "../features/auth/sessions.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv, Principal, StaffPrincipal } from "./context.ts";
import { ApiError } from "./errors.ts";
import { readSessionCookie } from "./session-cookie.ts";

/** Query parameters that would carry a key in a URL, where logs and proxies keep it. */
const KEY_IN_QUERY = ["api_key", "apikey", "key", "access_token", "token"];

/**
 * Loads the principal: an API key from `Authorization: Bearer …`, or a staff session from the
 * cookie. Never refuses by itself, except a key sent in the query string or a bad bearer key.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { database, config, clock } = c.var.deps;
  const url = new URL(c.req.url);
  if (KEY_IN_QUERY.some((name) => url.searchParams.has(name))) {
    throw new ApiError("validation_failed", "Send API keys only in the Authorization header, never in the URL.", {
      errors: [{ path: "query", message: "A key-like parameter is not accepted in the query string." }],
    });
  }
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new ApiError("unauthenticated", "The Authorization header must be `Bearer <key>`.");
    const principal = await authenticateKey(database.db, match[1], clock.now(), clientAddress(c));
    if (!principal) throw new ApiError("unauthenticated", "The API key is not valid or has been revoked.");
    c.set("principal", principal);
    return next();
  }
  const token = readSessionCookie(c);
  const session = token ? await validateSession(database.db, config, token, clock.now()) : null;
  c.set("principal", session?.principal ?? null);
  if (session) c.set("sessionRequests", session.requests);
  await next();
});

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
  if (!principal) throw new ApiError("unauthenticated", "Sign in, or send an API key, to use this.");
  const { role, scope } = typeof access === "string" ? { role: access, scope: undefined } : access;
  if (principal.kind === "staff") {
    if (!role) throw new ApiError("forbidden", "This is for services with an API key, not for staff.");
    if (!roleAtLeast(principal.role, role)) throw new ApiError("forbidden", `This needs the ${role} role or higher.`);
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
