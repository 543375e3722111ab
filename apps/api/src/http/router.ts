import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import { PROBLEM_DETAILS, Problem } from "@recovery-desk/shared";
import type { z } from "zod";
import { type Access, requireAccess } from "../auth/access.ts";
import type { AppEnv } from "./context.ts";
import { ApiError, type FieldProblem } from "./errors.ts";
import { secretBody } from "./idempotency.ts";
import { type ApiTag, SECURITY_SCHEMES } from "./openapi-document.ts";

/** Half of a surrogate pair on its own: UTF-16 that is not Unicode text, and cannot be stored as sent. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether PostgreSQL can hold the text: valid Unicode (no lone surrogate) without NUL. */
export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && !LONE_SURROGATE.test(text);
}

/** Every string in validated input that holds unstorable text, by its `<where>.<path>`. */
export function unstorableText(value: unknown, path: string[], found: FieldProblem[] = []): FieldProblem[] {
  if (typeof value === "string") {
    if (!isStorableText(value)) {
      found.push({ path: path.join("."), message: "Text must be valid Unicode without NUL characters." });
    }
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) unstorableText(item, [...path, String(index)], found);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) unstorableText(item, [...path, key], found);
  }
  return found;
}

/**
 * A router whose request validation failures all become the same `validation_failed` problem,
 * naming each field as `<where>.<path>` (e.g. `body.username`, `query.limit`). Text that passes a
 * route's schema is also refused there when it holds a NUL or a lone surrogate, which no field
 * means and which the database would refuse with an error.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) {
        const errors = unstorableText(result.data, [result.target]);
        if (errors.length) throw new ApiError("validation_failed", PROBLEM_DETAILS.fieldsInvalid, { errors });
        return;
      }
      throw new ApiError("validation_failed", PROBLEM_DETAILS.fieldsInvalid, {
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
  404: "Nothing has this id (`not_found`).",
  409: "The Idempotency-Key was used for another request, or that request is still running (`conflict`).",
  413: "The request body is larger than 64 KB (`payload_too_large`).",
  415: "The request body is not `application/json` (`unsupported_media_type`).",
  429: "Too many requests (`rate_limited`), with `Retry-After`.",
  500: "Something went wrong on our side (`internal`); the body has no details.",
  503: "The database is unavailable (`unavailable`), with `Retry-After`.",
} as const;

/** Which of the common problems a route can answer with; its own responses may describe them better. */
function commonProblems(access: Access, route: Omit<RouteConfig, "middleware">, changesState: boolean) {
  const applies: Record<keyof typeof PROBLEM_RESPONSES, boolean> = {
    400: true,
    401: access !== "public",
    // A write from another origin is refused even on a public route.
    403: access !== "public" || changesState,
    404: Boolean(route.request?.params),
    409: changesState,
    413: changesState,
    415: Boolean(route.request?.body?.content?.["application/json"]),
    429: true,
    500: true,
    503: true,
  };
  return Object.entries(PROBLEM_RESPONSES).flatMap(([status, description]) =>
    applies[Number(status) as keyof typeof PROBLEM_RESPONSES]
      ? [
          [
            status,
            {
              description:
                access === "public" && status === "403" ? "A cross-origin request (`forbidden`)." : description,
              content: { "application/problem+json": { schema: Problem } },
            },
          ] as const,
        ]
      : [],
  );
}

/** The OpenAPI security requirement for an access rule: the session cookie, a bearer key, or either. */
function securityOf(access: Access): Record<string, string[]>[] {
  const { sessionCookie, bearerKey } = SECURITY_SCHEMES;
  if (access === "public") return [];
  if (typeof access === "string") return [{ [sessionCookie]: [] }];
  return [
    ...(access.role ? [{ [sessionCookie]: [] }] : []),
    ...(access.scope ? [{ [bearerKey]: [access.scope] }] : []),
  ];
}

/**
 * What every operation states for the people building against it: a stable camelCase
 * `operationId` (a verb first: generated clients name their methods after it), its feature's tag,
 * and a description beyond the one-line summary.
 */
interface Documented {
  operationId: string;
  tags: [ApiTag];
  summary: string;
  description: string;
}

/**
 * Defines a route with the access it needs. Every route declares one, so nothing is open by
 * accident; it is enforced by middleware and shown in the OpenAPI document as `x-access`.
 *
 * A route whose request body carries a secret (an answer, a password, a code) says
 * `secretBody: true`, shown as `x-secret-body`: idempotency then keeps only a salted argon2id hash
 * of its body, never a fast one (http/idempotency.ts). A test holds every such body to it.
 */
export function defineRoute<const R extends Omit<RouteConfig, "middleware">>(
  config: R & Documented & { access: Access; secretBody?: true },
) {
  const { access, secretBody: carriesSecret, ...rest } = config;
  const changesState = rest.method !== "get" && rest.method !== "head" && rest.method !== "options";
  // Typed as empty so the route's own responses keep deciding the handler's response types.
  const problems: Record<never, never> = Object.fromEntries(commonProblems(access, rest, changesState));
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
    ...(carriesSecret ? { "x-secret-body": true } : {}),
    middleware: carriesSecret ? ([requireAccess(access), secretBody] as const) : ([requireAccess(access)] as const),
  });
}

/** A value as its schema answers it, read-only all the way down, so `as const` examples fit. */
type Frozen<T> = T extends readonly (infer U)[]
  ? readonly Frozen<U>[]
  : T extends object
    ? { readonly [K in keyof T]: Frozen<T[K]> }
    : T;

/** A documented JSON answer of a route, with an example answer (checked against the schema). */
export const jsonAnswer = <T extends z.ZodType>(description: string, schema: T, example: Frozen<z.output<T>>) => ({
  description,
  content: { "application/json": { schema, example } },
});

/** A documented problem answer of a route. */
export const problemAnswer = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: Problem } },
});

/** A required JSON request body, with an example request for the documentation (checked against the schema). */
export const jsonBody = <T extends z.ZodType>(schema: T, example: z.input<T>) => ({
  body: { required: true, content: { "application/json": { schema, example } } },
});
