import { createMiddleware } from "hono/factory";
import {
  countHit,
  KEY_RATE_PREFIX,
  REQUEST_WINDOW_MS,
  STAFF_RATE_PREFIX,
  secondsUntilWindowEnds,
} from "../lib/rate-limit.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

/**
 * Requests per minute per staff member (all their sessions together: signing in again does not
 * start a new count) and per API key. Counters live in PostgreSQL, so every API process shares
 * them; over the limit the answer is 429 `rate_limited` with `Retry-After`. A staff member's
 * request was already counted by the session check, in the same statement.
 */
export const rateLimit = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.var.principal;
  if (!principal) return next();
  const { database, clock, config } = c.var.deps;
  const now = clock.now();
  const [hit, limit] =
    principal.kind === "staff"
      ? [
          c.var.sessionRequests ??
            (await countHit(database.db, `${STAFF_RATE_PREFIX}${principal.id}`, now, REQUEST_WINDOW_MS)),
          config.rateLimits.perStaffPerMinute,
        ]
      : [
          await countHit(database.db, `${KEY_RATE_PREFIX}${principal.id}`, now, REQUEST_WINDOW_MS),
          config.rateLimits.perKeyPerMinute,
        ];
  if (hit.count > limit) {
    throw new ApiError("rate_limited", `More than ${limit} requests in a minute. Slow down.`, {
      retryAfter: secondsUntilWindowEnds(hit.windowStartedAt, REQUEST_WINDOW_MS, now),
    });
  }
  await next();
});
