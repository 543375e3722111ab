import type { Context } from "hono";
import type { RequestOrigin } from "../audit/append.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./context.ts";

/** Where a request came from, for the audit trail. */
export function requestOrigin(c: Context<AppEnv>): RequestOrigin {
  return { requestId: c.var.requestId, ip: clientAddress(c) };
}
