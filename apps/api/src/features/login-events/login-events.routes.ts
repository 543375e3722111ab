import {
  LoginEventRequest,
  LoginEventResult,
  TemporaryPasswordCheckRequest,
  TemporaryPasswordCheckResult,
} from "@recovery-desk/shared";
import { keyScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { recordLoginEvent } from "./record.ts";
import { checkTemporaryPassword } from "./temporary-password-check.ts";

const loginEventRoute = defineRoute({
  method: "post",
  path: "/login-events",
  operationId: "reportLoginEvent",
  tags: ["Login events"],
  summary: "Report a customer login outcome",
  description:
    'The login service reports each outcome; the lockout policy applies: 5 failures within 15 minutes lock the account for 30 minutes, and the third such lock within 24 hours is a hard lock that only a recovery lifts. A success resets the count. The answer says whether to refuse the login. An unknown username answers the same shape with `status: "unknown"`.',
  access: { scope: "login-events:write" },
  request: jsonBody(LoginEventRequest, {
    username: "maria.lopez",
    outcome: "failure",
    occurredAt: "2026-11-23T14:05:00.000Z",
    ip: "203.0.113.24",
  }),
  responses: {
    200: jsonAnswer("The account's state after the event.", LoginEventResult, answerExamples.reportLoginEvent),
  },
});

const temporaryPasswordCheckRoute = defineRoute({
  method: "post",
  path: "/temporary-passwords/check",
  operationId: "checkTemporaryPassword",
  tags: ["Login events"],
  summary: "Check a temporary password an agent sent",
  description:
    "The login service asks when what the customer typed is not their own password: is it the temporary password an agent sent? The right one, not expired and not used, on an account that is not locked, is used up at once and answers `valid: true, mustChange: true`: let the customer in only to choose a new password. Any other answer for a known account (wrong, expired, used, none sent) counts as that failed login under the lockout policy, so do not report it again to `/login-events`. An unknown username answers the same shape in the same time.",
  access: { scope: "login-events:write" },
  secretBody: true,
  request: jsonBody(TemporaryPasswordCheckRequest, { username: "kim.nguyen", password: "k7Rm-2Px9-Qa4T-wZ8n" }),
  responses: {
    200: jsonAnswer(
      "Whether the temporary password was right; a right one is now used up.",
      TemporaryPasswordCheckResult,
      answerExamples.checkTemporaryPassword,
    ),
  },
});

export const loginEventRoutes = createRouter()
  .openapi(loginEventRoute, async (c) => {
    return c.json(await recordLoginEvent(keyScope(c), c.req.valid("json")), 200);
  })
  .openapi(temporaryPasswordCheckRoute, async (c) => {
    return c.json(await checkTemporaryPassword(keyScope(c), c.req.valid("json")), 200);
  });
