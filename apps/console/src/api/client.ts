import { ApiProblem, problemFromResponse } from "./problem.ts";

/** Every API path the console uses lives under this prefix, on the console's own origin. */
const API_PREFIX = "/api/v1";

/**
 * What checks an answer: a shared contract schema (zod) or anything with the same `safeParse`. A
 * function instead loads the schema on first use (see contract.ts), so the pages that come first do
 * not wait for the contract's code.
 */
export type AnswerCheck<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false } };
export type AnswerSchema<T> = AnswerCheck<T> | (() => Promise<AnswerCheck<T>>);

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
  // A schema loaded on first use comes in while the request is on its way.
  const check = typeof schema === "function" ? schema() : schema;
  // Not awaited yet: a failed load must not go unhandled when the request fails first.
  if (check instanceof Promise) check.catch(() => {});
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
  if (response.status === 204 || !check) return undefined as T;

  const json: unknown = await response.json().catch(() => undefined);
  let answerCheck: AnswerCheck<T>;
  try {
    answerCheck = await check;
  } catch {
    // The schema's code could not be fetched: to the agent that is the same as a lost connection.
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The Recovery Desk service could not be reached.",
    });
  }
  const parsed = answerCheck.safeParse(json);
  if (!parsed.success) {
    throw new ApiProblem({
      status: response.status,
      code: "bad_response",
      detail: "The service answered in a shape the console does not understand.",
      requestId: response.headers.get("x-request-id"),
    });
  }
  return parsed.data;
}
