import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { safeError } from "../lib/safe-error.ts";
import type { AppEnv } from "./context.ts";
import { fromDatabaseError } from "./database-errors.ts";
import { ApiError, problemBody } from "./errors.ts";
import { clearSessionCookie, sentCookieSession } from "./session-cookie.ts";

/** Answers an ApiError as problem+json, with `Retry-After` when it has one. */
export function problemResponse(c: Context<AppEnv>, error: ApiError): Response {
  c.set("problem", error.code);
  const body = problemBody(error.code, error.message, c.var.requestId ?? "unknown", {
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
    ...(error.extra ? { extra: error.extra } : {}),
  });
  const headers: Record<string, string> = { "Content-Type": "application/problem+json" };
  if (error.retryAfter !== undefined) headers["Retry-After"] = String(error.retryAfter);
  return c.body(JSON.stringify(body), error.status as 400, headers);
}

/**
 * The one error handler: known errors become their problem; a malformed body becomes
 * `validation_failed`, and a body that is not JSON `unsupported_media_type`; database outages
 * become 503; anything else is a 500 with no details, logged with the request id.
 */
export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) {
    // The browser's session is over: its cookies go too (the console then knows there is none).
    if (error.code === "unauthenticated" && c.var.deps && sentCookieSession(c))
      clearSessionCookie(c, c.var.deps.config);
    return problemResponse(c, error);
  }
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 413)
      return problemResponse(c, new ApiError("payload_too_large", "The request body is too large."));
    if (error.status === 415)
      return problemResponse(c, new ApiError("unsupported_media_type", PROBLEM_DETAILS.jsonOnly));
    return problemResponse(
      c,
      new ApiError("validation_failed", error.status === 400 ? "The request body is not valid JSON." : error.message),
    );
  }
  const mapped = fromDatabaseError(error);
  if (mapped) {
    if (mapped.status >= 500)
      c.var.deps?.logger.warn({ requestId: c.var.requestId, problem: mapped.code }, "database unavailable");
    return problemResponse(c, mapped);
  }
  c.var.deps?.logger.error({ requestId: c.var.requestId, err: safeError(error) }, "unhandled error");
  return problemResponse(c, new ApiError("internal", "Something went wrong. Quote the request id if you report it."));
}
