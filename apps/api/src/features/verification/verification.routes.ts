import {
  AccountIdParam,
  AnswersRequest,
  CodeRequest,
  Problem,
  StartVerificationRequest,
  Verification,
  VerificationIdParam,
  VerificationSuccess,
} from "@recovery-desk/shared";
import type { Context } from "hono";
import { requireStaff } from "../../http/authenticate.ts";
import { type AppEnv, requestOrigin } from "../../http/context.ts";
import { createRouter, defineRoute } from "../../http/router.ts";
import { answerQuestions } from "./answers.ts";
import { checkCode } from "./code-check.ts";
import { getVerification } from "./read.ts";
import { resendCode } from "./resend.ts";
import { startVerification } from "./start.ts";

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});
const json = <T>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });

const startRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/verifications",
  tags: ["Verification"],
  summary: "Start verifying a caller",
  description:
    "Questions: answers the two prompts to read out. Codes: sends a 6-digit code at once to the account's verified phone (`otp_sms`) or email (`otp_email`).",
  access: "agent",
  request: {
    params: AccountIdParam,
    body: { required: true, content: { "application/json": { schema: StartVerificationRequest } } },
  },
  responses: {
    201: json("Started.", Verification),
    404: problem("No such account (`not_found`)."),
    409: problem("The channel is missing or not verified, or the account is merged or closed (`conflict`)."),
    423: problem("Question verification is locked for this account (`verification_locked`, `retryAfter`)."),
    502: problem("The code could not be delivered (`delivery_failed`); nothing was started."),
  },
});

const answersRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/answers",
  tags: ["Verification"],
  summary: "Check the caller's answers",
  description:
    "Both answers must match after normalisation (case, spaces and punctuation do not matter). A failure never says which answer was wrong. Three failures for one account in 24 hours lock question verification for 24 hours.",
  access: "agent",
  request: {
    params: VerificationIdParam,
    body: { required: true, content: { "application/json": { schema: AnswersRequest } } },
  },
  responses: {
    200: json("Verified: the window is open.", VerificationSuccess),
    403: problem("Another agent's verification (`forbidden`)."),
    409: problem("The verification has ended or is of another method (`conflict`)."),
    422: problem("Not verified (`verification_failed`, with `attemptsRemaining`)."),
    423: problem("The account's limit is reached (`verification_locked`, with `retryAfter`)."),
  },
});

const codeRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/code",
  tags: ["Verification"],
  summary: "Check a one-time code",
  description: "A code works once, for 10 minutes, with 5 tries, and only for the verification it was sent for.",
  access: "agent",
  request: {
    params: VerificationIdParam,
    body: { required: true, content: { "application/json": { schema: CodeRequest } } },
  },
  responses: {
    200: json("Verified: the window is open.", VerificationSuccess),
    403: problem("Another agent's verification (`forbidden`)."),
    409: problem("The verification has ended, or the code expired or has no tries left (`conflict`)."),
    422: problem("Not verified (`verification_failed`, with `attemptsRemaining`)."),
  },
});

const resendRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/resend",
  tags: ["Verification"],
  summary: "Send a new one-time code",
  description:
    "Replaces the current code (the old one stops working) with 5 new tries; no sooner than 60 seconds after the last code.",
  access: "agent",
  request: { params: VerificationIdParam },
  responses: {
    202: json("Sent.", Verification),
    409: problem("The verification has ended or uses questions (`conflict`)."),
    429: problem("Too soon after the last code (`rate_limited`, `Retry-After`)."),
    502: problem("The code could not be delivered (`delivery_failed`)."),
  },
});

const getRoute = defineRoute({
  method: "get",
  path: "/verifications/{id}",
  tags: ["Verification"],
  summary: "A verification",
  access: "agent",
  request: { params: VerificationIdParam },
  responses: {
    200: json("The verification.", Verification),
    403: problem("Another agent's verification (`forbidden`)."),
  },
});

function scope(c: Context<AppEnv>) {
  return {
    deps: c.var.deps,
    principal: requireStaff(c.var.principal, "agent"),
    origin: requestOrigin(c),
  };
}

export const verificationRoutes = createRouter()
  .openapi(startRoute, async (c) => {
    const { deps, principal, origin } = scope(c);
    return c.json(await startVerification(deps, principal, c.req.valid("param").id, c.req.valid("json"), origin), 201);
  })
  .openapi(answersRoute, async (c) => {
    const { deps, principal, origin } = scope(c);
    return c.json(await answerQuestions(deps, principal, c.req.valid("param").id, c.req.valid("json"), origin), 200);
  })
  .openapi(codeRoute, async (c) => {
    const { deps, principal, origin } = scope(c);
    return c.json(await checkCode(deps, principal, c.req.valid("param").id, c.req.valid("json"), origin), 200);
  })
  .openapi(resendRoute, async (c) => {
    const { deps, principal, origin } = scope(c);
    return c.json(await resendCode(deps, principal, c.req.valid("param").id, origin), 202);
  })
  .openapi(getRoute, async (c) => {
    const { deps, principal } = scope(c);
    return c.json(await getVerification(deps, principal, c.req.valid("param").id), 200);
  });
