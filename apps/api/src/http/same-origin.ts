import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser sends from another origin, so a page elsewhere
 * cannot ride on a signed-in agent's cookie. Clients that are not browsers send neither header
 * and are not affected.
 */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const origin = c.req.header("origin");
  const fetchSite = c.req.header("sec-fetch-site");
  if (origin !== undefined) {
    const own = ownOrigin(c.req.url, c.req.header("host"), c.req.header("x-forwarded-proto"));
    if (origin !== own && !c.var.deps.config.allowedOrigins.includes(origin)) {
      throw new ApiError("forbidden", "Cross-origin requests that change data are not accepted.");
    }
  } else if (fetchSite !== undefined && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new ApiError("forbidden", "Cross-origin requests that change data are not accepted.");
  }
  await next();
});

function ownOrigin(url: string, host: string | undefined, forwardedProto: string | undefined): string {
  const parsed = new URL(url);
  const protocol = forwardedProto ? `${forwardedProto}:` : parsed.protocol;
  return `${protocol}//${host ?? parsed.host}`;
}
