import {
  ERROR_CODES,
  type ErrorCode,
  PROBLEM_DETAILS,
  PROBLEM_TITLES,
  type Problem,
  problemType,
} from "@recovery-desk/shared";

export interface FieldProblem {
  path: string;
  message: string;
}

/** The one error type of the API. Its `code` is a stable word clients may branch on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldProblem[] | undefined;
  /** Seconds; sent as `Retry-After` and as `retryAfter` in the body. */
  readonly retryAfter: number | undefined;
  /** Extra members for the problem body (e.g. `attemptsRemaining`). Never a secret. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldProblem[]; retryAfter?: number; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CODES[code];
    this.errors = options.errors;
    this.retryAfter = options.retryAfter;
    this.extra = options.extra;
  }
}

export function problemBody(
  code: ErrorCode,
  detail: string,
  requestId: string,
  options: { errors?: FieldProblem[]; retryAfter?: number; extra?: Record<string, unknown> } = {},
): Problem & Record<string, unknown> {
  return {
    // Extra members come first: they add to a problem and never replace its standard members.
    ...options.extra,
    type: problemType(code),
    title: PROBLEM_TITLES[code],
    status: ERROR_CODES[code],
    detail,
    code,
    requestId,
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}),
  };
}

export const notFound = (what: string) => new ApiError("not_found", PROBLEM_DETAILS.notFound(what));
