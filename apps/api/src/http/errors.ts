import { ERROR_CODES, type ErrorCode, type Problem } from "@recovery-desk/shared";

const TITLES: Record<ErrorCode, string> = {
  validation_failed: "The request is not valid",
  unauthenticated: "Sign-in required",
  invalid_credentials: "Username or password is not right",
  forbidden: "Not allowed",
  verification_required: "The caller must be verified first",
  not_found: "Not found",
  conflict: "Conflict",
  invalid_transition: "Not possible in the account's current state",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported media type",
  verification_failed: "Not verified",
  verification_locked: "Verification is locked",
  rate_limited: "Too many requests",
  internal: "Something went wrong on our side",
  delivery_failed: "The message could not be sent",
  unavailable: "The service is unavailable",
};

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
    type: `https://recovery-desk.example/problems/${code.replaceAll("_", "-")}`,
    title: TITLES[code],
    status: ERROR_CODES[code],
    detail,
    code,
    requestId,
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}),
  };
}

export const notFound = (what: string) => new ApiError("not_found", `${what} was not found.`);
