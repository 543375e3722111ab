import type { Role } from "@recovery-desk/shared";
import type { Actor, RequestOrigin } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { AppDeps } from "../deps.ts";

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

/** Small accessors so handlers read like the domain. */
export interface RequestScope {
  db: Db;
  deps: AppDeps;
  origin: RequestOrigin;
  now: Date;
}
