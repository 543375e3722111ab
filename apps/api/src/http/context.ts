import type { Principal } from "../auth/principal.ts";
import type { AppDeps } from "../deps.ts";
import type { WindowCount } from "../lib/rate-limit.ts";

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    principal: Principal | null;
    /** The session's requests in the current window, counted by the session check itself. */
    sessionRequests?: WindowCount;
    /** Set by a handler whose answer carries a secret: idempotency must not keep that answer. */
    secretAnswer?: boolean;
    /** The problem's code when the answer is one, for the request's log line. */
    problem?: string;
  };
}
