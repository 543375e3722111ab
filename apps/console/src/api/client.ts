import type { AnswerResult, AnswerSchema } from "./answer-schema.ts";
import { ApiProblem, problemFromResponse } from "./problem.ts";

/** Every API path the console uses lives under this prefix, on the console's own origin. */
const API_PREFIX = "/api/v1";

type ApiFetchOptions<T> = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** The shared contract schema the answer must follow; leave out for answers without a body. */
  schema?: AnswerSchema<T>;
  /** Extra request headers, e.g. the Idempotency-Key of a recovery action. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Builds an absolute URL on this origin, so the same code works in the browser and in tests. */
export function apiUrl(path: string, query?: Record<string, string | number | undefined>): string {
  const url = new URL(`${API_PREFIX}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== "") url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * The one way the console talks to the API: same-origin cookie session, JSON in and out,
 * problem+json turned into ApiProblem, successful answers checked against the shared contract.
 */
export async function apiFetch<T = unknown>(
  url: string,
  { method = "GET", body, schema, headers: extraHeaders, signal }: ApiFetchOptions<T> = {},
): Promise<T> {
  const headers = new Headers({ ...extraHeaders, Accept: "application/json, application/problem+json" });
  if (body !== undefined) headers.set("Content-Type", "application/json");

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The Recovery Desk service could not be reached.",
    });
  }

  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204 || !schema) return undefined as T;

  const json: unknown = await response.json().catch(() => undefined);
  let result: AnswerResult<T>;
  try {
    result = await schema["~standard"].validate(json);
  } catch {
    // The schema's code could not be fetched: to the agent that is the same as a lost connection.
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The Recovery Desk service could not be reached.",
    });
  }
  if (result.issues) {
    throw new ApiProblem({
      status: response.status,
      code: "bad_response",
      detail: "The service answered in a shape the console does not understand.",
      requestId: response.headers.get("x-request-id"),
    });
  }
  return result.value;
}
