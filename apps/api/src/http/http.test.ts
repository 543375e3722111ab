import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { DEFAULT_CONFIG } from "../deps.ts";
import { silentLogger } from "../lib/logger.ts";
import { signedInContext, type TestContext } from "../test/context.ts";

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  ({ t, cookie } = await signedInContext("ava.agent"));
});
afterAll(() => t.close());

type Json = Record<string, unknown>;

describe("the HTTP surface", () => {
  it("answers /healthz and /readyz without sign-in", async () => {
    expect(await (await t.request("/healthz")).json()).toEqual({ status: "ok" });
    expect(await (await t.request("/readyz")).json()).toEqual({ status: "ok", database: "up" });
  });

  it("echoes a sane X-Request-Id and makes one otherwise", async () => {
    const given = await t.request("/healthz", { headers: { "x-request-id": "call-42.a" } });
    expect(given.headers.get("x-request-id")).toBe("call-42.a");
    for (const sane of ["span:7=a_b", "x".repeat(128)]) {
      const kept = await t.request("/healthz", { headers: { "x-request-id": sane } });
      expect(kept.headers.get("x-request-id")).toBe(sane);
    }
    for (const bad of ["bad id with spaces", "x".repeat(129), ""]) {
      const made = await t.request("/healthz", { headers: { "x-request-id": bad } });
      expect(made.headers.get("x-request-id")).toMatch(/^req_[a-z2-7]{16}$/);
    }
    const unknown = await t.request("/api/v1/no-such-thing", { cookie });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("x-request-id")).toMatch(/^req_[a-z2-7]{16}$/);
  });

  it("puts the request id into problems", async () => {
    const res = await t.request("/api/v1/accounts/acc_none", { cookie, headers: { "x-request-id": "trace-7" } });
    expect(await res.json()).toMatchObject({ requestId: "trace-7", code: "not_found" });
  });

  it("answers malformed JSON with validation_failed, not a 500", async () => {
    const res = await t.request("/api/v1/auth/login", { method: "POST", body: "{not json" });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: "validation_failed", status: 400, title: expect.any(String) });
  });

  it("refuses a body over 64 KB with payload_too_large", async () => {
    const res = await t.request("/api/v1/auth/login", {
      body: { username: "ava.agent", password: "x".repeat(70_000) },
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("answers unknown API paths with a not_found problem", async () => {
    const res = await t.request("/api/v1/nothing-here", { cookie });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });

  it("answers with a generic 500 that carries no stack or SQL", async () => {
    const broken = createApp({
      ...t.deps,
      database: {
        ...t.database,
        db: new Proxy(t.database.db, {
          get: (target, key) =>
            key === "execute" || key === "transaction"
              ? () => Promise.reject(new Error("select secret_column from x"))
              : Reflect.get(target, key),
        }),
      },
    });
    const res = await broken.request("/api/v1/accounts?q=maria", { headers: { cookie } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ code: "internal", status: 500 });
    expect(text).not.toMatch(/select|secret_column|at .*\.ts/);
  });

  it("answers 503 unavailable with Retry-After when the database is down", async () => {
    const down = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const app = createApp({
      ...t.deps,
      database: {
        ...t.database,
        ping: () => Promise.reject(down),
        // Every way of reaching the database fails as a refused connection does.
        db: new Proxy(t.database.db, {
          get: (target, key) =>
            key === "select" || key === "execute" || key === "transaction"
              ? () => Promise.reject(down)
              : Reflect.get(target, key),
        }),
      },
    });
    const res = await app.request("/api/v1/auth/me", { headers: { cookie } });
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(await res.json()).toMatchObject({ code: "unavailable" });
    expect((await app.request("/readyz")).status).toBe(503);
  });
});

describe("the OpenAPI document", () => {
  it("is served as OpenAPI 3.1 and browsable at /api/docs", async () => {
    const doc = (await (await t.request("/api/openapi.json")).json()) as Json;
    expect(doc.openapi).toBe("3.1.0");
    const docs = await t.request("/api/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/docs/init.js");
    expect(await (await t.request("/api/docs/init.js")).text()).toContain("/api/openapi.json");
    expect((await t.request("/api/docs/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("declares the access every operation needs, and refuses anonymous calls to all but public ones", async () => {
    const doc = (await (await t.request("/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, Json>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, access: op["x-access"] })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const op of operations) {
      const access = op.access as string | { role?: string; scope?: string };
      if (typeof access === "string")
        expect(["public", "agent", "supervisor", "admin"], `${op.method} ${op.path}`).toContain(access);
      else expect(access.role ?? access.scope, `${op.method} ${op.path}`).toBeTruthy();
      if (op.access === "public") continue;
      const url = op.path.replace(/\{[^}]+\}/g, "acc_x");
      const res = await t.request(url, {
        method: op.method.toUpperCase(),
        ...(op.method === "get" ? {} : { body: {} }),
      });
      expect(res.status, `${op.method} ${op.path} without a session`).toBe(401);
    }
  });

  it("documents the shared schemas as components", async () => {
    const doc = (await (await t.request("/api/openapi.json")).json()) as { components: { schemas: Json } };
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Problem", "AccountSummary", "AccountDetail", "Staff", "LoginRequest"]),
    );
  });

  it("names every operation for generated clients: a unique operationId, one declared tag and a description", async () => {
    const doc = (await (await t.request("/api/openapi.json")).json()) as {
      tags: { name: string; description: string }[];
      paths: Record<string, Record<string, { operationId?: string; tags?: string[]; description?: string }>>;
      components: { securitySchemes: Record<string, { type: string; scheme?: string; in?: string }> };
    };
    const declared = doc.tags.map((tag) => tag.name);
    for (const tag of doc.tags) expect(tag.description, tag.name).toBeTruthy();
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ label: `${method} ${path}`, ...op })),
    );
    for (const op of operations) {
      expect(op.operationId, op.label).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags, op.label).toHaveLength(1);
      expect(declared, op.label).toContain(op.tags?.[0]);
      expect(op.description, op.label).toBeTruthy();
    }
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    expect(doc.components.securitySchemes).toMatchObject({
      sessionCookie: { type: "apiKey", in: "cookie" },
      bearerKey: { type: "http", scheme: "bearer" },
    });
  });
});

describe("serving the console", () => {
  it("serves index.html for console paths and leaves the API alone", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dist = mkdtempSync(join(tmpdir(), "rd-console-"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Recovery Desk</title>");
    const app = createApp({ ...t.deps, logger: silentLogger, config: { ...DEFAULT_CONFIG, consoleDist: dist } });
    const page = await app.request("/accounts/acc_123");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Recovery Desk");
    const api = await app.request("/api/v1/unknown");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toMatch(/problem\+json/);
  });
});
