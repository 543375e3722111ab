import { isApiProblem } from "../api/problem.ts";
import { formatMinutes } from "./format.ts";

/** A failure in plain words for the agent, plus the reference to quote to support when there is one. */
export type ProblemMessage = { message: string; requestId: string | null };

export function describeProblem(error: unknown): ProblemMessage {
  if (!isApiProblem(error)) {
    return { message: "Something went wrong in the console. Reload the page and try again.", requestId: null };
  }
  const requestId = error.requestId;
  switch (error.code) {
    case "network_error":
      return {
        message: "The Recovery Desk service cannot be reached. Check your connection and try again.",
        requestId,
      };
    case "unauthenticated":
      return { message: "Your session has ended. Sign in again to carry on.", requestId };
    case "forbidden":
      return { message: "Your role does not allow this.", requestId };
    case "not_found":
      return { message: "That record does not exist.", requestId };
    case "rate_limited":
      return {
        message: `Too many requests. Try again in ${formatMinutes(error.retryAfter ?? 60)}.`,
        requestId,
      };
    case "validation_failed":
      return { message: "Some of what was sent is not valid. Check it and try again.", requestId };
    case "bad_response":
      return { message: "The service gave an answer the console could not read. Try again.", requestId };
    default:
      return { message: "Something went wrong on our side. Try again in a moment.", requestId };
  }
}

/** Sign-in has its own wording: it never says whether the username exists. */
export function describeSignInProblem(error: unknown): ProblemMessage {
  if (isApiProblem(error)) {
    if (error.code === "invalid_credentials") {
      return { message: "Username or password is not right.", requestId: null };
    }
    if (error.code === "rate_limited") {
      return {
        message: `Too many failed sign-ins. Try again in ${formatMinutes(error.retryAfter ?? 60)}.`,
        requestId: null,
      };
    }
    if (error.code === "validation_failed") {
      return { message: "Enter your username and password.", requestId: null };
    }
  }
  return describeProblem(error);
}
