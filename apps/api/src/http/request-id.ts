import { createMiddleware } from "hono/factory";
import { newId } from "../lib/ids.ts";
import type { AppEnv } from "./context.ts";

const ACCEPTABLE = /^[\w.:-]{1,128}$/;

/** Takes `X-Request-Id` from the request when it is sane, otherwise makes one; echoes it on every response. */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && ACCEPTABLE.test(given) ? given : newId("request");
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
  c.header("X-Request-Id", id);
});
