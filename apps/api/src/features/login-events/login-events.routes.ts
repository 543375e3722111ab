import { LoginEventRequest, LoginEventResult } from "@recovery-desk/shared";
import { keyScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { recordLoginEvent } from "./record.ts";

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

export const loginEventRoutes = createRouter().openapi(loginEventRoute, async (c) => {
  return c.json(await recordLoginEvent(keyScope(c), c.req.valid("json")), 200);
});
