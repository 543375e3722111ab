import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";

/** A failed merge call in words: a title, what happened, and the reference for support. */
export function describeMergeProblem(error: unknown): ProblemMessage & { title: string } {
  const fallback = { ...describeProblem(error), title: "Not done" };
  if (!isApiProblem(error)) return fallback;
  switch (error.code) {
    case "verification_required":
      return {
        title: "Verify the caller again",
        message: "The verified window has closed. Verify the caller again.",
        requestId: null,
      };
    case "invalid_transition":
    case "conflict":
      return { title: "Not done", message: error.detail, requestId: error.requestId };
    case "forbidden":
      return { title: "Not allowed", message: error.detail || fallback.message, requestId: error.requestId };
    default:
      return fallback;
  }
}
