import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.ts";
import { type RequestMetrics, routeOf } from "./metrics.ts";

/** Paths polled by machines: health probes and the metrics scrape. */
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

/** The console's public report page: its path holds the owner's single-use report token. */
const REPORT_PAGE = /^\/report\/[^/]+/;

/** The path as the log writes it: a report link's token never reaches a log line. */
const loggedPath = (path: string) => path.replace(REPORT_PAGE, "/report/:token");

/** Who asked, as the log names them: a staff member by id, a service by its key's id and name. */
function callerOf(c: Context<AppEnv>) {
  const principal = c.var.principal;
  if (!principal) return {};
  return principal.kind === "staff" ? { staffId: principal.id } : { keyId: principal.id, keyName: principal.name };
}

/**
 * One structured line per request: method, path (no query string, which may hold a caller's
 * phone or email; a report page's token written as `:token`), the route pattern that answered, status, the problem's code when it failed,
 * duration, request id and who asked. Never bodies or headers. Health probes, the metrics scrape
 * and the console's files are logged at debug (unless the server failed them), the rest at info.
 * Each answer is also counted in the metrics.
 */
export function accessLog(metrics: RequestMetrics) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(c);
    const status = c.res.status;
    metrics.observe(c.req.method, route, status, seconds);
    const routine = PROBES.has(c.req.path) || !c.req.path.startsWith("/api/");
    const { logger } = c.var.deps;
    logger[routine && status < 500 ? "debug" : "info"](
      {
        requestId: c.var.requestId,
        method: c.req.method,
        path: loggedPath(c.req.path),
        route,
        status,
        ...(c.var.problem ? { problem: c.var.problem } : {}),
        ms: Math.round(seconds * 10_000) / 10,
        ...callerOf(c),
      },
      "request",
    );
  });
}
