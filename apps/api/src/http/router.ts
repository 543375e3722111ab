import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { Problem } from "@recovery-desk/shared";
import { type Access, requireAccess } from "./authenticate.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

/**
 * A router whose request validation failures all become the same `validation_failed` problem,
 * naming each field as `<where>.<path>` (e.g. `body.username`, `query.limit`).
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      throw new ApiError("validation_failed", "Some fields are not valid.", {
        errors: result.error.issues.map((issue) => ({
          path: [result.target, ...issue.path.map(String)].join("."),
          message: issue.message,
        })),
      });
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

const PROBLEM_RESPONSES = {
  400: "The request is not valid (`validation_failed`).",
  401: "Sign-in required (`unauthenticated`).",
  403: "The signed-in role is not enough (`forbidden`), or a cross-origin request.",
  429: "Too many requests (`rate_limited`), with `Retry-After`.",
  500: "Something went wrong on our side (`internal`); the body has no details.",
  503: "The database is unavailable (`unavailable`), with `Retry-After`.",
} as const;

/** The OpenAPI security requirement for an access rule: the session cookie, a bearer key, or either. */
function securityOf(access: Access): Record<string, string[]>[] {
  if (access === "public") return [];
  if (typeof access === "string") return [{ session: [] }];
  return [...(access.role ? [{ session: [] }] : []), ...(access.scope ? [{ apiKey: [access.scope] }] : [])];
}

/**
 * Defines a route with the access it needs. Every route declares one, so nothing is open by
 * accident; it is enforced by middleware and shown in the OpenAPI document as `x-access`.
 */
export function defineRoute<const R extends Omit<RouteConfig, "middleware">>(config: R & { access: Access }) {
  const { access, ...rest } = config;
  // Typed as empty so the route's own responses keep deciding the handler's response types.
  const problems: Record<never, never> = Object.fromEntries(
    Object.entries(PROBLEM_RESPONSES)
      .filter(([status]) => access !== "public" || (status !== "401" && status !== "403"))
      .map(([status, description]) => [
        status,
        { description, content: { "application/problem+json": { schema: Problem } } },
      ]),
  );
  const changesState = rest.method !== "get" && rest.method !== "head" && rest.method !== "options";
  const parameters = changesState
    ? [
        {
          name: "Idempotency-Key",
          in: "header" as const,
          required: false,
          description:
            "Any unique string (e.g. a UUID) to make a retry safe: the same key with the same request replays the first answer; with another request it is 409 `conflict`. Kept 24 hours.",
          schema: { type: "string" as const, maxLength: 255 },
        },
      ]
    : undefined;
  return createRoute({
    ...rest,
    ...(parameters ? { parameters } : {}),
    responses: { ...problems, ...rest.responses },
    security: securityOf(access),
    "x-access": access,
    middleware: [requireAccess(access)] as const,
  });
}

/** A documented JSON answer of a route. */
export const jsonAnswer = <T>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

/** A documented problem answer of a route. */
export const problemAnswer = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

/** A required JSON request body. */
export const jsonBody = <T>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
