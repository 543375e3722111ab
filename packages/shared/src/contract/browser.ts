/**
 * The cookie the API sets beside the session cookie, with its lifetime (`rd_signed_in=1`, no
 * secret): the session cookie is HttpOnly, so this is how the console's script tells that the
 * browser has a session, and a first visit without one goes straight to sign-in instead of asking
 * `GET /auth/me` to be refused. It goes at sign-out and whenever the API refuses a cookie session
 * as `unauthenticated`.
 */
export const SESSION_HINT_COOKIE = "rd_signed_in";

/**
 * What the console's build writes in index.html where each answer's Content-Security-Policy nonce
 * goes (`html.cspNonce` in apps/console/vite.config.ts); the API puts a fresh nonce there for
 * every answer (apps/api/src/http/console.ts).
 */
export const CSP_NONCE_PLACEHOLDER = "__CSP_NONCE__";
