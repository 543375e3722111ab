import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.ts";

/**
 * One structured line per request: method, path (no query string, which may hold a caller's
 * phone or email), status, duration, request id and who asked. Never bodies or headers.
 */
export const accessLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const { logger } = c.var.deps;
  logger.info(
    {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      staffId: c.var.principal?.id,
    },
    "request",
  );
});
