import {
  AccountIdParam,
  AnswersRequest,
  CodeRequest,
  StartVerificationRequest,
  Verification,
  VerificationIdParam,
  VerificationSuccess,
} from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { answerQuestions } from "./answers.ts";
import { checkCode } from "./code-check.ts";
import { getVerification } from "./read.ts";
import { resendCode } from "./resend.ts";
import { startVerification } from "./start.ts";

const startRoute = defineRoute({
  method: "post",
  path: "/accounts/{id}/verifications",
  operationId: "startVerification",
  tags: ["Verification"],
  summary: "Start verifying a caller",
  description:
    "Questions: answers the two prompts to read out. Codes: sends a 6-digit code at once to the account's verified phone (`otp_sms`) or email (`otp_email`); at most 5 codes are sent to one account in 24 hours, by any channel and agent (`ACCOUNT_CODES_PER_DAY`; a code that could not be sent does not count).",
  access: "agent",
  request: {
    params: AccountIdParam,
    ...jsonBody(StartVerificationRequest, { method: "security_questions", caseRef: "CASE-2026-0042" }),
  },
  responses: {
    201: jsonAnswer("Started.", Verification, answerExamples.startVerification),
    404: problemAnswer("No such account (`not_found`)."),
    409: problemAnswer("The channel is missing or not verified, or the account is merged or closed (`conflict`)."),
    423: problemAnswer(
      "Question verification, or after too many wrong codes code verification, is locked for this account (`verification_locked`, `retryAfter`).",
    ),
    429: problemAnswer("The account's daily code limit is reached (`rate_limited`, `Retry-After`); nothing was sent."),
    502: problemAnswer("The code could not be delivered (`delivery_failed`); nothing was started."),
  },
});

const answersRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/answers",
  operationId: "checkVerificationAnswers",
  tags: ["Verification"],
  summary: "Check the caller's answers",
  description:
    "Both answers must match after normalisation (case, spaces and punctuation do not matter). A failure never says which answer was wrong. Three failures for one account in 24 hours lock question verification for 24 hours.",
  access: "agent",
  secretBody: true,
  request: {
    params: VerificationIdParam,
    ...jsonBody(AnswersRequest, {
      answers: [
        { questionId: "sq_kq3v7m2x9d4t8w6z", answer: "Springfield" },
        { questionId: "sq_m4x9k7q2v3d8t6wz", answer: "Rex" },
      ],
    }),
  },
  responses: {
    200: jsonAnswer("Verified: the window is open.", VerificationSuccess, answerExamples.verified),
    403: problemAnswer("Another agent's verification (`forbidden`)."),
    409: problemAnswer("The verification has ended or is of another method (`conflict`)."),
    422: problemAnswer("Not verified (`verification_failed`, with `attemptsRemaining`)."),
    423: problemAnswer("The account's limit is reached (`verification_locked`, with `retryAfter`)."),
  },
});

const codeRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/code",
  operationId: "checkVerificationCode",
  tags: ["Verification"],
  summary: "Check a one-time code",
  description:
    "A code works once, for 10 minutes, with 5 tries, and only for the verification it was sent for. Ten wrong codes for one account in 24 hours, across verifications and agents (`ACCOUNT_WRONG_CODES_PER_DAY`), lock code verification of the account for 24 hours; questions stay open.",
  access: "agent",
  secretBody: true,
  request: {
    params: VerificationIdParam,
    ...jsonBody(CodeRequest, { code: "482 913" }),
  },
  responses: {
    200: jsonAnswer("Verified: the window is open.", VerificationSuccess, answerExamples.verified),
    403: problemAnswer("Another agent's verification (`forbidden`)."),
    409: problemAnswer("The verification has ended, or the code expired or has no tries left (`conflict`)."),
    422: problemAnswer("Not verified (`verification_failed`, with `attemptsRemaining`)."),
    423: problemAnswer(
      "Codes are locked for this account after too many wrong ones (`verification_locked`, `retryAfter`).",
    ),
  },
});

const resendRoute = defineRoute({
  method: "post",
  path: "/verifications/{id}/resend",
  operationId: "resendVerificationCode",
  tags: ["Verification"],
  summary: "Send a new one-time code",
  description:
    "Replaces the current code (the old one stops working) with 5 new tries; no sooner than 60 seconds after the last code, and within the account's daily code limit.",
  access: "agent",
  request: { params: VerificationIdParam },
  responses: {
    202: jsonAnswer("Sent.", Verification, answerExamples.resendVerificationCode),
    409: problemAnswer("The verification has ended or uses questions (`conflict`)."),
    423: problemAnswer(
      "Codes are locked for this account after too many wrong ones (`verification_locked`, `retryAfter`).",
    ),
    429: problemAnswer(
      "Too soon after the last code, or the account's daily code limit is reached (`rate_limited`, `Retry-After`).",
    ),
    502: problemAnswer("The code could not be delivered (`delivery_failed`)."),
  },
});

const getRoute = defineRoute({
  method: "get",
  path: "/verifications/{id}",
  operationId: "getVerification",
  tags: ["Verification"],
  summary: "A verification",
  description:
    "The verification's method, state, prompts or masked destination and remaining tries, as the agent who started it sees it; another agent's verification is 403.",
  access: "agent",
  request: { params: VerificationIdParam },
  responses: {
    200: jsonAnswer("The verification.", Verification, answerExamples.getVerification),
    403: problemAnswer("Another agent's verification (`forbidden`)."),
  },
});

export const verificationRoutes = createRouter()
  .openapi(startRoute, async (c) => {
    return c.json(await startVerification(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")), 201);
  })
  .openapi(answersRoute, async (c) => {
    return c.json(await answerQuestions(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(codeRoute, async (c) => {
    return c.json(await checkCode(staffScope(c, "agent"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(resendRoute, async (c) => {
    return c.json(await resendCode(staffScope(c, "agent"), c.req.valid("param").id), 202);
  })
  .openapi(getRoute, async (c) => {
    return c.json(await getVerification(staffScope(c, "agent"), c.req.valid("param").id), 200);
  });
