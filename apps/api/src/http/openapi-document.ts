import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";

/** The names of the document's security schemes, as operations' `security` requirements name them. */
export const SECURITY_SCHEMES = { sessionCookie: "sessionCookie", bearerKey: "bearerKey" } as const;

/** One tag per feature, in the order the documentation lists them. */
export const API_TAGS = {
  Authentication: "Staff sign-in and sign-out with a session cookie, and who is signed in.",
  Accounts:
    "Finding customers' accounts and reading one in detail, with its history; the system of record creates and updates them (API key).",
  Verification: "Proving a caller owns an account: security questions or a one-time code.",
  Recovery:
    "What staff do for a verified caller: lift a lockout, reactivate, send a temporary password or the username.",
  "Login events":
    "The login service reports each customer login outcome here and learns whether to refuse the login (API key).",
  "API keys": "Keys that services send as `Authorization: Bearer`, each with its scopes (admins).",
  Webhooks:
    "Outgoing webhooks: receivers of signed account events (Standard Webhooks), and what was delivered to them (admins).",
  Staff: "The people who use the console: roles, enabling and disabling, sign-in limits (admins).",
  "Inactivity sweep": "Deactivating accounts with no activity for the configured time, on demand (admins).",
  Audit: "The tamper-evident audit trail: search, export and chain checks (supervisors).",
  "Duplicates and merges":
    "Accounts that look like the same customer, and merging them: proposed by one person, approved by another, undoable for 30 days.",
  Reports:
    "The account owner's \"this wasn't me\" from the report link in a notice of a recovery: no sign-in; it freezes the account until a supervisor lifts it.",
  Alerts:
    "What supervisors should look at: an owner's report, an agent's unusual hour, a notice that could not be delivered; each acknowledged with a note.",
  Demo: "Demo-mode helpers: the messages that would have been sent.",
  Health: "Liveness and readiness probes for the process and its database.",
} as const;

export type ApiTag = keyof typeof API_TAGS;

/** Registers the security schemes and serves the OpenAPI 3.1 document at `/api/openapi.json`. */
export function mountOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", SECURITY_SCHEMES.sessionCookie, {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The staff session cookie set by `POST /api/v1/auth/login`.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", SECURITY_SCHEMES.bearerKey, {
    type: "http",
    scheme: "bearer",
    description:
      "An API key (`rdk_…`) created by an admin, sent as `Authorization: Bearer <key>`; never in the URL. Its scopes are listed per operation.",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Recovery Desk API",
      version: "1.0.0",
      description:
        "The console and services use this API to find customers' accounts, verify callers and recover accounts. Errors are RFC 9457 problem+json with a stable `code`. Every route names the lowest role it needs in `x-access`. Text in parameters and bodies must be valid Unicode without NUL characters (`validation_failed` otherwise).",
    },
    servers: [{ url: "/" }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
  });
}
