import { createMiddleware } from "hono/factory";
import { authenticateKey } from "../features/api-keys/authenticate-key.ts";
import { validateSession } from "../features/auth/sessions.ts";
import { clientAddress } from "../http/client-address.ts";
import type { AppEnv } from "../http/context.ts";
import { ApiError } from "../http/errors.ts";
import { readSessionCookie } from "../http/session-cookie.ts";

/** Query parameters that would carry a key in a URL, where logs and proxies keep it. */
const KEY_IN_QUERY = ["api_key", "apikey", "key", "access_token", "token"];

/**
 * Loads the principal: an API key from `Authorization: Bearer …`, or a staff session from the
 * cookie. Never refuses by itself, except a key sent in the query string or a bad bearer key.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const { database, config, clock } = c.var.deps;
  const url = new URL(c.req.url);
  if (KEY_IN_QUERY.some((name) => url.searchParams.has(name))) {
    throw new ApiError("validation_failed", "Send API keys only in the Authorization header, never in the URL.", {
      errors: [{ path: "query", message: "A key-like parameter is not accepted in the query string." }],
    });
  }
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new ApiError("unauthenticated", "The Authorization header must be `Bearer <key>`.");
    const principal = await authenticateKey(database.db, match[1], clock.now(), clientAddress(c));
    if (!principal) throw new ApiError("unauthenticated", "The API key is not valid or has been revoked.");
    c.set("principal", principal);
    return next();
  }
  const token = readSessionCookie(c);
  const session = token ? await validateSession(database.db, config, token, clock.now()) : null;
  c.set("principal", session?.principal ?? null);
  if (session) c.set("sessionRequests", session.requests);
  await next();
});
