import type { ApiScope, Role } from "@recovery-desk/shared";
import type { Actor } from "../audit/append.ts";

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

/** The audit actor for a principal. */
export function actorOf(principal: Principal): Actor {
  return principal.kind === "staff"
    ? { type: "staff", id: principal.id, name: principal.username }
    : { type: "api_key", id: principal.id, name: principal.name };
}
