/**
 * Deny by default, proven from the OpenAPI document: every operation it lists is called by every
 * kind of caller — anonymous, each staff role, an API key of each scope, and credentials that must
 * fail (an unknown or expired session, a revoked or unknown key, a malformed Authorization header)
 * — and the answer must be what the operation's `x-access` promises: 401 without a good
 * credential, 403 without the role or scope, and neither for callers it allows. The app's router is
 * checked against the document too, so no route can exist without being in this matrix.
 *
 * Requests carry an unknown id and an empty JSON body, so an allowed call stops at "not found" or
 * at validation instead of changing anything that matters.
 */
import { API_SCOPES, ROLES } from "@recovery-desk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext } from "../test/context.ts";
import {
  anonymous,
  badCallers,
  type Caller,
  createKey,
  keyCaller,
  staffCaller,
  verdictFor,
} from "../test/hostile/callers.ts";
import { loadDocument, type Operation, operationsOf } from "../test/hostile/openapi.ts";

const t = await createTestContext({ rateLimits: { perStaffPerMinute: 1_000_000, perKeyPerMinute: 1_000_000 } });
const doc = await loadDocument(t);
const operations = operationsOf(doc);

/** The routes that serve the document itself and its browsable page: public, outside the versioned API. */
const DOCUMENTATION_ROUTES = [
  "GET /api/openapi.json",
  "GET /api/docs",
  "GET /api/docs/init.js",
  "GET /api/docs/swagger-ui.css",
  "GET /api/docs/swagger-ui-bundle.js",
];
/** The Prometheus scrape: outside the API, guarded by its own token when one is set. */
const OPERATIONS_ROUTES = ["GET /metrics"];
/** Paths the app registers for every method: middleware and the not-found answers, never an operation. */
const MIDDLEWARE_PATHS = ["/*", "/api/*", "/api/v1/*"];

/** Callers that are the same for every cell; staff sessions are made fresh per call (a sign-out ends one). */
let fixedCallers: Caller[];
let cells = 0;

beforeAll(async () => {
  const admin = await t.signIn("ada.admin");
  const keys: Caller[] = [];
  for (const scope of API_SCOPES) keys.push(keyCaller(await createKey(t, admin, `matrix ${scope}`, [scope])));
  keys.push(keyCaller(await createKey(t, admin, "matrix all scopes", [...API_SCOPES])));
  fixedCallers = [anonymous, ...keys, ...(await badCallers(t, admin))];
});
afterAll(async () => {
  console.warn(
    `access matrix: ${operations.length} operations × ${ROLES.length + fixedCallers.length} callers = ${cells} calls`,
  );
  await t.close();
});

function requestFor(op: Operation, caller: Caller): [string, RequestInit] {
  const path = op.path.replace(/\{[^}]+\}/g, "matrix_unknown_id");
  const headers: Record<string, string> = { ...caller.headers };
  let body: string | undefined;
  if (op.body) {
    headers["content-type"] = "application/json";
    body = "{}";
  }
  return [path, { method: op.method, headers, ...(body !== undefined ? { body } : {}) }];
}

function accessOf(op: Operation) {
  if (op.access === undefined) throw new Error(`${op.label} does not say who may call it (x-access)`);
  return op.access;
}

describe("the access matrix from the OpenAPI document", () => {
  it("states who may call every operation, in x-access and in its security requirement alike", () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
    for (const op of operations) {
      const access = accessOf(op);
      if (access === "public") {
        expect(op.security ?? [], op.label).toEqual([]);
        continue;
      }
      const { role, scope } = typeof access === "string" ? { role: access, scope: undefined } : access;
      expect(role ?? scope, `${op.label} names a role or a scope`).toBeTruthy();
      if (role) expect(ROLES, op.label).toContain(role);
      if (scope) expect(API_SCOPES, op.label).toContain(scope);
      const expected = [...(role ? [{ sessionCookie: [] }] : []), ...(scope ? [{ bearerKey: [scope] }] : [])];
      expect(op.security, `${op.label}: a non-public operation requires a credential`).toEqual(expected);
      expect(op.statuses, op.label).toEqual(expect.arrayContaining(["401", "403"]));
    }
  });

  it("has no route in the app that the document does not list, and no listed operation without a route", () => {
    const documented = operations.map((op) => `${op.method} ${op.path.replace(/\{([^}]+)\}/g, ":$1")}`);
    const routes = t.app.routes.map((route) => ({ method: route.method, path: route.path }));
    const routed = new Set(routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    expect(
      [...routed].filter(
        (r) => !documented.includes(r) && !DOCUMENTATION_ROUTES.includes(r) && !OPERATIONS_ROUTES.includes(r),
      ),
    ).toEqual([]);
    expect(documented.filter((r) => !routed.has(r))).toEqual([]);
    expect([...new Set(routes.filter((r) => r.method === "ALL").map((r) => r.path))].sort()).toEqual(
      [...MIDDLEWARE_PATHS].sort(),
    );
  });

  for (const op of operations) {
    it(`${op.label}: answers each caller as its x-access says`, async () => {
      const access = accessOf(op);
      const staff = await Promise.all(ROLES.map((role) => staffCaller(t, role)));
      const failures: string[] = [];
      for (const caller of [...staff, ...fixedCallers]) {
        // A sign-out ends the session it was sent with, so each staff call gets its own.
        const fresh = caller.kind === "staff" ? await staffCaller(t, caller.role) : caller;
        const res = await t.app.request(...requestFor(op, fresh));
        cells++;
        const text = await res.text();
        const code = res.headers.get("content-type")?.startsWith("application/problem+json")
          ? (JSON.parse(text) as { code?: string }).code
          : undefined;
        const verdict = verdictFor(access, fresh);
        const seen = `${res.status} ${code ?? ""}`.trim();
        if (verdict === "unauthenticated" && (res.status !== 401 || code !== "unauthenticated")) {
          failures.push(`${fresh.name}: expected 401 unauthenticated, got ${seen}`);
        } else if (verdict === "forbidden" && (res.status !== 403 || code !== "forbidden")) {
          failures.push(`${fresh.name}: expected 403 forbidden, got ${seen}`);
        } else if (verdict === "allowed" && (res.status === 401 || res.status === 403 || res.status >= 500)) {
          failures.push(`${fresh.name}: allowed, but got ${seen}: ${text.slice(0, 200)}`);
        } else if (
          verdict === "allowed-or-unauthenticated" &&
          (res.status === 403 || res.status >= 500 || (res.status === 401 && code !== "unauthenticated"))
        ) {
          failures.push(`${fresh.name}: expected to be let through or refused with 401, got ${seen}`);
        }
      }
      expect(failures, `${op.label} (x-access ${JSON.stringify(access)})`).toEqual([]);
    });
  }

  it("uses every scope and every role somewhere, so no credential is given access to nothing", () => {
    const needs = operations.map((op) => accessOf(op));
    for (const scope of API_SCOPES) {
      expect(
        needs.some((a) => typeof a === "object" && a.scope === scope),
        scope,
      ).toBe(true);
    }
    for (const role of ROLES) {
      expect(
        needs.some((a) => a === role || (typeof a === "object" && a.role === role)),
        role,
      ).toBe(true);
    }
  });
});
