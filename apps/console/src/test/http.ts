import {
  type ErrorCode,
  type Evidence,
  type PolicyLevel,
  PROBLEM_DETAILS,
  PROBLEM_TITLES,
  problemType,
} from "@recovery-desk/shared";
import { HttpResponse } from "msw";

/** Where the console sends its calls in tests: jsdom's page origin plus the API prefix. */
export const apiPath = (path: string) => `${window.location.origin}/api/v1${path}`;

let requestSeq = 0;

/** Extension members a problem may carry, as the real API adds them. */
type ProblemExtra = {
  retryAfter?: number;
  requestId?: string;
  attemptsRemaining?: number;
  errors?: { path: string; message: string }[];
  required?: PolicyLevel;
  evidence?: Evidence[];
};

/** An RFC 9457 problem answer, shaped like the real API's. */
export function problem(status: number, code: ErrorCode, detail: string, extra: ProblemExtra = {}) {
  const requestId = extra.requestId ?? `req_test_${++requestSeq}`;
  const headers: Record<string, string> = { "Content-Type": "application/problem+json", "X-Request-Id": requestId };
  if (extra.retryAfter !== undefined) headers["Retry-After"] = String(extra.retryAfter);
  return HttpResponse.json(
    { type: problemType(code), title: PROBLEM_TITLES[code], status, detail, code, requestId, ...extra },
    { status, headers },
  );
}

/** The API's `rd_signed_in=1` cookie, as the browser keeps it: set at sign-in, gone at sign-out or on a 401. */
export function setSessionHint(present: boolean): void {
  // biome-ignore lint/suspicious/noDocumentCookie: stands in for the API's Set-Cookie; jsdom has no Cookie Store
  document.cookie = present ? "rd_signed_in=1; path=/" : "rd_signed_in=; Max-Age=0; path=/";
}

/** A 401 for the browser's session: like the real API, it also clears the signed-in hint. */
export function unauthenticated() {
  setSessionHint(false);
  return problem(401, "unauthenticated", PROBLEM_DETAILS.signInOrKey);
}

/** A state-changing call must say it is JSON, as the real API demands. */
export function requireJson(request: Request) {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return problem(415, "unsupported_media_type", PROBLEM_DETAILS.jsonOnly);
  }
  return null;
}
