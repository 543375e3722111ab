import {
  type AnswersRequest,
  type StartVerificationRequest,
  Verification,
  VerificationSuccess,
} from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export const verificationKeys = {
  all: ["verifications"] as const,
  detail: (id: string) => [...verificationKeys.all, "detail", id] as const,
};

const verificationPath = (id: string, step = "") => `/verifications/${encodeURIComponent(id)}${step}`;

/** One verification as the API sees it now (status, tries left, when a new code can be sent). */
export function verificationQuery(id: string) {
  return queryOptions({
    queryKey: verificationKeys.detail(id),
    queryFn: ({ signal }) => apiFetch(apiUrl(verificationPath(id)), { schema: Verification, signal }),
  });
}

/** Starts verifying the caller: returns the questions to ask, or sends a one-time code at once. */
export function startVerification(accountId: string, request: StartVerificationRequest) {
  return apiFetch(apiUrl(`/accounts/${encodeURIComponent(accountId)}/verifications`), {
    method: "POST",
    body: request,
    schema: Verification,
  });
}

/** The caller's answers as the agent typed them. Only "verified" comes back; a mismatch is an ApiProblem. */
export function submitAnswers(verificationId: string, answers: AnswersRequest["answers"]) {
  return apiFetch(apiUrl(verificationPath(verificationId, "/answers")), {
    method: "POST",
    body: { answers },
    schema: VerificationSuccess,
  });
}

/** The code the caller reads out. */
export function submitCode(verificationId: string, code: string) {
  return apiFetch(apiUrl(verificationPath(verificationId, "/code")), {
    method: "POST",
    body: { code },
    schema: VerificationSuccess,
  });
}

/** Sends a new code that replaces the old one; allowed 60 seconds after the last. */
export function resendCode(verificationId: string) {
  return apiFetch(apiUrl(verificationPath(verificationId, "/resend")), {
    method: "POST",
    body: {},
    schema: Verification,
  });
}
