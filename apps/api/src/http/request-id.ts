import { requestId as honoRequestId } from "hono/request-id";
import { newId } from "../lib/ids.ts";

/** A caller's request id that is kept: letters, digits and `_ . : = -`, at most 128 characters. */
const ACCEPTABLE = /^[\w.:=-]{1,128}$/;

/**
 * Hono's request-id middleware: keeps the caller's `X-Request-Id` when it is sane, otherwise makes
 * a `req_…` id; either way it is `c.var.requestId` and the `X-Request-Id` of the response. Hono keeps
 * ids of letters, digits, `_`, `-` and `=` itself; the generator also keeps ids with `.` or `:`.
 */
export const requestId = honoRequestId({
  limitLength: 128,
  generator: (c) => {
    const given = c.req.header("x-request-id");
    return given && ACCEPTABLE.test(given) ? given : newId("request");
  },
});
