import type { RequestOrigin } from "../audit/append.ts";
import type { AppDeps } from "../deps.ts";
import type { KeyPrincipal, StaffPrincipal } from "./principal.ts";

/** What a service acting for a staff member needs besides its own arguments: the dependencies, who acts, and where the request came from. */
export interface StaffScope {
  deps: AppDeps;
  staff: StaffPrincipal;
  origin: RequestOrigin;
}

/** What a service acting for another service (an API key) needs besides its own arguments. */
export interface KeyScope {
  deps: AppDeps;
  key: KeyPrincipal;
  origin: RequestOrigin;
}
