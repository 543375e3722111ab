import { LoginRequest, Problem, StaffEnvelope } from "@recovery-desk/shared";
import { appendAuditEvent } from "../../audit/append.ts";
import { requireStaff } from "../../auth/access.ts";
import { actorOf } from "../../auth/principal.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { requestOrigin } from "../../http/request-origin.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { clearSessionCookie, writeSessionCookie } from "../../http/session-cookie.ts";
import { login } from "./login.ts";
import { deleteSession } from "./sessions.ts";

const loginRoute = defineRoute({
  method: "post",
  path: "/auth/login",
  operationId: "signIn",
  tags: ["Authentication"],
  summary: "Sign in as a staff member",
  description:
    "Starts a session and sets it as an HttpOnly cookie, with `rd_signed_in=1` beside it: no secret, readable by the console, so a first visit without a session skips `GET /auth/me`. Both cookies are cleared at sign-out and by any `unauthenticated` answer to a cookie session. An unknown username and a wrong password give the same 401 `invalid_credentials`. Every attempt is counted before its password is checked, so however many arrive at once no more than these are checked; past them the answer is 429 `rate_limited` with `Retry-After`, without a check: 5 attempts for one username in 15 minutes (`LOGIN_MAX_FAILURES`, `LOGIN_WINDOW_MINUTES`; a successful sign-in starts the count again, and an admin can clear it with `POST /api/v1/staff/{id}/clear-sign-in-limit`); 20 failed attempts from one client address in the same window (`LOGIN_MAX_FAILURES_PER_ADDRESS`; an IPv6 address counts by its /64; successful sign-ins are not counted); 300 checked attempts a minute across all usernames (`LOGIN_MAX_ATTEMPTS_PER_MINUTE`; an attempt refused by the other limits does not count). The address is the connection's, not a forwarded header.",
  access: "public",
  secretBody: true,
  request: jsonBody(LoginRequest, { username: "ava.agent", password: "a long passphrase of her own" }),
  responses: {
    200: jsonAnswer("Signed in.", StaffEnvelope, answerExamples.signIn),
    401: {
      description: "Username or password is not right (`invalid_credentials`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

const logoutRoute = defineRoute({
  method: "post",
  path: "/auth/logout",
  operationId: "signOut",
  tags: ["Authentication"],
  summary: "Sign out",
  description: "Ends the session and clears its cookies.",
  access: "agent",
  responses: { 204: { description: "Signed out." } },
});

const meRoute = defineRoute({
  method: "get",
  path: "/auth/me",
  operationId: "getSignedInStaff",
  tags: ["Authentication"],
  summary: "The signed-in staff member",
  description:
    "Who the session cookie belongs to: username, name and role. The console asks this on start; 401 `unauthenticated` means no session or an ended one.",
  access: "agent",
  responses: {
    200: jsonAnswer("The signed-in staff member.", StaffEnvelope, answerExamples.getSignedInStaff),
  },
});

export const authRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const { deps } = c.var;
    const result = await login(deps, c.req.valid("json"), {
      ...requestOrigin(c),
      userAgent: c.req.header("user-agent") ?? null,
    });
    writeSessionCookie(c, deps.config, result.session.token, result.session.expiresAt, deps.clock.now());
    return c.json({ staff: result.staff }, 200);
  })
  .openapi(logoutRoute, async (c) => {
    const { deps } = c.var;
    const principal = requireStaff(c.var.principal, "agent");
    await deps.database.db.transaction(async (tx) => {
      await deleteSession(tx, principal.sessionId);
      await appendAuditEvent(tx, {
        at: deps.clock.now(),
        actor: actorOf(principal),
        action: "auth.logout",
        origin: requestOrigin(c),
      });
    });
    clearSessionCookie(c, deps.config);
    return c.body(null, 204);
  })
  .openapi(meRoute, (c) => {
    const principal = requireStaff(c.var.principal, "agent");
    const { id, username, displayName, role } = principal;
    return c.json({ staff: { id, username, displayName, role } }, 200);
  });
