import type { ApiScope, Role } from "@recovery-desk/shared";
import type { Context } from "hono";
import type { Actor, RequestOrigin } from "../audit/append.ts";
import type { AppDeps } from "../deps.ts";
import type { WindowCount } from "../lib/rate-limit.ts";
import { requireStaff } from "./authenticate.ts";
import { clientAddress } from "./client-address.ts";

/** A signed-in staff member. */
export interface StaffPrincipal {
  kind: "staff";
  id: string;
  username: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

/** Another service, calling with an API key. */
export interface KeyPrincipal {
  kind: "api_key";
  id: string;
  name: string;
  scopes: ApiScope[];
}

/** Who is calling. */
export type Principal = StaffPrincipal | KeyPrincipal;

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal | null;
    /** The session's requests in the current window, counted by the session check itself. */
    sessionRequests?: WindowCount;
    /** Set by a handler whose answer carries a secret: idempotency must not keep that answer. */
    secretAnswer?: boolean;
  };
}

/** The audit actor for a principal. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === "staff"
    ? { type: "staff", id: principal.id, name: principal.username }
    : { type: "api_key", id: principal.id, name: principal.name };
}

/** Where a request came from, for the audit trail. */
export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return { requestId: c.var.requestId, ip: clientAddress(c) };
}

/** What a staff-only handler needs: the dependencies, the staff member (at least `role`), and where the request came from. */
export function staffScope(c: Context<AppEnv>, role: Role) {
  return { deps: c.var.deps, staff: requireStaff(c.var.principal, role), origin: requestOrigin(c) };
}
