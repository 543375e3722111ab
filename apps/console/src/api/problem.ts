import type { ErrorCode, Problem } from "@recovery-desk/shared";
import { readProblem } from "./early-checks.ts";

/**
 * Codes the console adds for failures that never reached the API or came back unreadable.
 * `network_error`: no answer at all (offline, server down). `bad_response`: an answer that does not
 * follow the contract.
 */
export type ConsoleErrorCode = "network_error" | "bad_response";

type FieldProblem = NonNullable<Problem["errors"]>[number];

/** Every failed API call ends up as one of these, so screens can branch on a stable `code`. */
export class ApiProblem extends Error {
  override readonly name = "ApiProblem";
  readonly status: number;
  readonly code: ErrorCode | ConsoleErrorCode;
  readonly detail: string;
  readonly requestId: string | null;
  readonly retryAfter: number | null;
  readonly errors: FieldProblem[];
  /** For `verification_failed` (and a dead code's `conflict`): tries left; never says which answer failed. */
  readonly attemptsRemaining: number | null;

  constructor(init: {
    status: number;
    code: ErrorCode | ConsoleErrorCode;
    detail: string;
    requestId?: string | null;
    retryAfter?: number | null;
    errors?: FieldProblem[];
    attemptsRemaining?: number | null;
  }) {
    super(init.detail);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId ?? null;
    this.retryAfter = init.retryAfter ?? null;
    this.errors = init.errors ?? [];
    this.attemptsRemaining = init.attemptsRemaining ?? null;
  }

  /** True for answers the caller caused (4xx): asking again will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Seconds from a `Retry-After` header; only the delta-seconds form is used by our API. */
function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : null;
}

/** `attemptsRemaining` is an extension member the shared Problem schema does not list, so read it from the raw body. */
function readAttemptsRemaining(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("attemptsRemaining" in body)) return null;
  const value = body.attemptsRemaining;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

/** Turns a failed response into an ApiProblem, reading problem+json when the API sent it. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const headerRequestId = response.headers.get("x-request-id");
  const headerRetryAfter = parseRetryAfter(response.headers.get("retry-after"));
  const body: unknown = await response.json().catch(() => null);
  const problem = readProblem(body);
  if (problem) {
    return new ApiProblem({
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      requestId: problem.requestId,
      retryAfter: problem.retryAfter ?? headerRetryAfter,
      errors: problem.errors ?? [],
      attemptsRemaining: readAttemptsRemaining(body),
    });
  }
  return new ApiProblem({
    status: response.status,
    code: response.status >= 500 ? "internal" : "bad_response",
    detail: response.statusText || `The service answered with status ${response.status}.`,
    requestId: headerRequestId,
    retryAfter: headerRetryAfter,
  });
}
