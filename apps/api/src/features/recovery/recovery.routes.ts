import {
  AccountDetail,
  AccountIdParam,
  ActionRequest,
  DeliveryReceipt,
  TemporaryPasswordRequest,
} from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { liftLockout, reactivate } from "./lift-and-reactivate.ts";
import { issueTemporaryPassword } from "./temporary-password.ts";
import { sendUsernameReminder } from "./username-reminder.ts";

const COMMON = {
  403: problemAnswer(
    "No open verified window for this account held by this agent, or `caseRef` names another case than the window's (`verification_required`). A window opened without a case takes the first `caseRef` given with an action. The window's evidence is short of the level `GET /api/v1/policy` sets for the action (`verification_insufficient`, with `required` and `evidence`).",
  ),
  404: problemAnswer("No such account (`not_found`)."),
  409: problemAnswer(
    "Not possible in the account's state (`invalid_transition`; also every action but a supervisor's unlock on an account frozen on its owner's report, status reason `reported_by_owner`), the channel is not verified, or the Idempotency-Key conflicts (`conflict`).",
  ),
};

const unlockRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/unlock",
  operationId: "unlockAccount",
  tags: ["Recovery"],
  summary: "Lift a lockout",
  description:
    "Lifts a temporary or hard failed-login lock and clears the failure counter. Needs the agent's open verified window. A lock the owner asked for from a notice's report link (status reason `reported_by_owner`) is lifted only by a supervisor or above (403 `forbidden` otherwise, before any window is looked at), whose own window holds a code (403 `verification_insufficient` with `required: \"code\"` and the window's `evidence` otherwise); `GET /api/v1/policy` says so in `reportedLock`.",
  access: "agent",
  request: {
    params: AccountIdParam,
    ...jsonBody(ActionRequest, {
      reason: "Caller verified by security questions; locked out after travel.",
      caseRef: "CASE-2026-0042",
    }),
  },
  responses: {
    200: jsonAnswer("Unlocked.", AccountDetail, answerExamples.recoveredAccount),
    ...COMMON,
  },
});

const reactivateRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/reactivate",
  operationId: "reactivateAccount",
  tags: ["Recovery"],
  summary: "Reactivate an account deactivated for inactivity",
  description:
    "Makes an account the inactivity sweep deactivated active again, with its latest activity set to now. Needs the agent's open verified window.",
  access: "agent",
  request: {
    params: AccountIdParam,
    ...jsonBody(ActionRequest, {
      reason: "Caller verified by a code to their email; wants to use the account again.",
      caseRef: "CASE-2026-0042",
    }),
  },
  responses: {
    200: jsonAnswer("Reactivated.", AccountDetail, answerExamples.recoveredAccount),
    ...COMMON,
  },
});

const temporaryPasswordRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/temporary-password",
  operationId: "sendTemporaryPassword",
  tags: ["Recovery"],
  summary: "Send a temporary password",
  description:
    "Generates a temporary password, sends it only to the chosen verified channel, valid 24 hours, to be changed at next login; it also lifts a failed-login lock. The password is never in any response, log or audit event. At most 2 are sent for one account in 24 hours (`ACCOUNT_TEMPORARY_PASSWORDS_PER_DAY`).",
  access: "agent",
  request: {
    params: AccountIdParam,
    ...jsonBody(TemporaryPasswordRequest, {
      channel: "sms",
      reason: "Caller verified by security questions; forgot the password.",
      caseRef: "CASE-2026-0042",
    }),
  },
  responses: {
    202: jsonAnswer("Sent.", DeliveryReceipt, answerExamples.sendTemporaryPassword),
    ...COMMON,
    429: problemAnswer(
      "The account's daily limit is reached (`rate_limited`, `Retry-After`); nothing was sent or changed.",
    ),
    502: problemAnswer("The message could not be sent (`delivery_failed`); nothing was changed."),
  },
});

const reminderRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/username-reminder",
  operationId: "sendUsernameReminder",
  tags: ["Recovery"],
  summary: "Email the username",
  description:
    "Sends the account's username to its verified email address; at most 3 for one account in 24 hours (`ACCOUNT_USERNAME_REMINDERS_PER_DAY`).",
  access: "agent",
  request: {
    params: AccountIdParam,
    ...jsonBody(ActionRequest, {
      reason: "Caller verified by a code to their phone; forgot the username.",
      caseRef: "CASE-2026-0042",
    }),
  },
  responses: {
    202: jsonAnswer("Sent.", DeliveryReceipt, answerExamples.sendUsernameReminder),
    ...COMMON,
    429: problemAnswer("The account's daily limit is reached (`rate_limited`, `Retry-After`); nothing was sent."),
    502: problemAnswer("The email could not be sent (`delivery_failed`)."),
  },
});

export const recoveryRoutes = createRouter()
  .openapi(unlockRoute, async (c) => {
    return c.json(await liftLockout(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(reactivateRoute, async (c) => {
    return c.json(await reactivate(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(temporaryPasswordRoute, async (c) => {
    return c.json(
      await issueTemporaryPassword(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")),
      202,
    );
  })
  .openapi(reminderRoute, async (c) => {
    return c.json(
      await sendUsernameReminder(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")),
      202,
    );
  });
