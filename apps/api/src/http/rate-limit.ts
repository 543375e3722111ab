import { createMiddleware } from "hono/factory";
import { countHit, secondsUntilWindowEnds } from "../lib/rate-limit.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

const MINUTE_MS = 60_000;

/**
 * Requests per minute per staff session and per API key. Counters live in PostgreSQL, so every
 * API process shares them; over the limit the answer is 429 `rate_limited` with `Retry-After`.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.var.principal;
  if (!principal) return next();
  const { database, clock, config } = c.var.deps;
  const [key, limit] =
    principal.kind === "staff"
      ? [`rate:session:${principal.sessionId}`, config.rateLimits.perSessionPerMinute]
      : [`rate:key:${principal.id}`, config.rateLimits.perKeyPerMinute];
  const now = clock.now();
  const hit = await countHit(database.db, key, now, MINUTE_MS);
  if (hit.count > limit) {
    throw new ApiError("rate_limited", `More than ${limit} requests in a minute. Slow down.`, {
      retryAfter: secondsUntilWindowEnds(hit.windowStartedAt, MINUTE_MS, now),
    });
  }
  await next();
});
