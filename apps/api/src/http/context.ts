import type { Role } from "@recovery-desk/shared";
import type { Context } from "hono";
import type { Actor, RequestOrigin } from "../audit/append.ts";
import type { AppDeps } from "../deps.ts";
import { clientAddress } from "./client-address.ts";

/** Who is calling: a signed-in staff member. */
export interface Principal {
  kind: "staff";
  id: string;
  username: string;
  displayName: string;
  role: Role;
  sessionId: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal | null;
  };
}

/** The audit actor for a principal. */
export function actorOf(principal: Principal): Actor {
  return { type: "staff", id: principal.id, name: principal.username };
}

/** Where a request came from, for the audit trail. */
export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return { requestId: c.var.requestId, ip: clientAddress(c) };
}
