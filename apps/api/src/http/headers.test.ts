/**
 * The headers every answer carries: a strict Content-Security-Policy with a fresh nonce for the
 * console's page, `Cache-Control: no-store` on every API answer (errors included), and the built
 * console's files sent pre-compressed by what the browser accepts, hashed files cached for a year.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { API_SCOPES, CSP_NONCE_PLACEHOLDER } from "@recovery-desk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_STAFF_PASSWORD } from "../demo/personas.ts";
import { accountByUsername } from "../test/accounts.ts";
import { answerOf, createTestContext, type TestContext } from "../test/context.ts";
import { createKey } from "../test/hostile/callers.ts";
import { loadDocument, operationsOf } from "../test/hostile/openapi.ts";

/** index.html as the console's build writes it, with the nonce placeholder (apps/console/vite.config.ts). */
const PLACEHOLDER = CSP_NONCE_PLACEHOLDER;
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <meta property="csp-nonce" nonce="${PLACEHOLDER}">
    <title>Recovery Desk</title>
    <script type="module" crossorigin src="/assets/index-Ab12Cd34.js" nonce="${PLACEHOLDER}"></script>
    <link rel="stylesheet" crossorigin href="/assets/index-Ef56Gh78.css" nonce="${PLACEHOLDER}">
  </head>
  <body><div id="root"></div></body>
</html>`;
const SCRIPT = Buffer.from(
  Array.from({ length: 600 }, (_, i) => `export const line${i} = "the console's code, line ${i}";\n`).join(""),
);

let t: TestContext;
let dist: string;
let admin: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "rd-headers-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), INDEX);
  writeFileSync(join(dist, "assets/index-Ab12Cd34.js"), SCRIPT);
  writeFileSync(join(dist, "assets/index-Ab12Cd34.js.br"), brotliCompressSync(SCRIPT));
  writeFileSync(join(dist, "assets/index-Ab12Cd34.js.gz"), gzipSync(SCRIPT));
  writeFileSync(join(dist, "assets/index-Ef56Gh78.css"), "body { margin: 0 }\n");
  t = await createTestContext({ consoleDist: dist });
  admin = await t.signIn("ada.admin");
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

/** The console's page carries a nonce; API answers, the documentation included, need none and get none. */
function expectStrictPolicy(res: Response, { nonce: withNonce = true } = {}): string {
  const header = res.headers.get("content-security-policy");
  expect(header).toBeTruthy();
  const policy = directives(header);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(header).not.toContain("unsafe-inline");
  expect(header).not.toContain("unsafe-eval");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy.get("script-src")?.join(" ") ?? "")?.[1];
  if (withNonce) {
    expect(nonce).toBeTruthy();
    expect(policy.get("style-src")).toContain(`'nonce-${nonce}'`);
  } else {
    expect(header).not.toContain("nonce");
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'"]);
  }
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  return nonce ?? "";
}

describe("the Content-Security-Policy", () => {
  it("sends the console's page with a fresh nonce in the header and on its script, style and meta tags", async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/index.html", "/accounts", "/audit?actor=x"]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const nonce = expectStrictPolicy(res);
      const html = await res.text();
      expect(html).not.toContain(PLACEHOLDER);
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      expect(html.match(new RegExp(`nonce="${nonce.replace(/[+/=]/g, "\\$&")}"`, "g"))?.length).toBe(3);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(4);
  });

  it("covers the API's browsable documentation and its answers", async () => {
    const docs = await t.request("/api/docs");
    expect(docs.status).toBe(200);
    expectStrictPolicy(docs, { nonce: false });
    expect(await docs.text()).not.toMatch(/<script>|<style>|style="|nonce/);
    expectStrictPolicy(await t.request("/api/v1/accounts?q=maria", { cookie: admin }), { nonce: false });
    expectStrictPolicy(await t.request("/api/v1/nothing-here", { cookie: admin }), { nonce: false });
  });
});

describe("Cache-Control on API answers", () => {
  it("is no-store on every GET operation of the OpenAPI document, for allowed, refused and failed calls", async () => {
    const doc = await loadDocument(t);
    const gets = operationsOf(doc).filter((op) => op.method === "GET");
    expect(gets.length).toBeGreaterThanOrEqual(15);

    const key = await createKey(t, admin, "headers check", [...API_SCOPES]);
    const account = await accountByUsername(t.database.db, "maria.lopez");
    const started = await t.api(admin).accounts[":id"].verifications.$post({
      param: { id: account.id },
      json: { method: "security_questions", caseRef: "CASE-1" },
    });
    const verification = await answerOf(started, 201);
    const merges = await answerOf(await t.api(admin).merges.$get({ query: {} }), 200);
    const real: Record<string, string> = {
      "/api/v1/accounts/{id}": account.id,
      "/api/v1/accounts/{id}/timeline": account.id,
      "/api/v1/accounts/{id}/duplicates": account.id,
      "/api/v1/verifications/{id}": verification.id,
      "/api/v1/merges/{id}": merges.items[0]?.id ?? "mrg_none",
    };

    const missing: string[] = [];
    const statuses = new Set<number>();
    for (const op of gets) {
      const paths = [op.path.replace(/\{[^}]+\}/g, real[op.path] ?? "unknown_id")];
      if (op.path.includes("{")) paths.push(op.path.replace(/\{[^}]+\}/g, "unknown_id"));
      const callers: Record<string, string>[] = [
        {},
        { cookie: admin },
        { authorization: `Bearer ${key.key}` },
        { cookie: "rd_session=abcdefghijklmnopqrstuvwxyz234567" },
      ];
      for (const path of paths) {
        for (const query of ["", "?limit=not-a-number"]) {
          for (const headers of callers) {
            const res = await t.request(path + query, { headers });
            await res.body?.cancel();
            statuses.add(res.status);
            const cacheControl = res.headers.get("cache-control");
            if (cacheControl !== "no-store") missing.push(`${op.label}${query} → ${res.status}: ${cacheControl}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    // Successes, refusals, validation failures and unknown ids were all among the answers checked.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  });

  it("is no-store on a sign-in, a sign-out and the audit export", async () => {
    const login = await t.request("/api/v1/auth/login", {
      body: { username: "sam.supervisor", password: DEMO_STAFF_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get("cache-control")).toBe("no-store");
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const exported = await t.request("/api/v1/audit-events/export?format=ndjson", { cookie: admin });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("cache-control")).toBe("no-store");
    await exported.body?.cancel();
    const logout = await t.request("/api/v1/auth/logout", { method: "POST", cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("cache-control")).toBe("no-store");
  });

  it("is no-store on problems for unknown API paths, methods and bodies that fail", async () => {
    for (const res of [
      await t.request("/api/v1/nothing-here", { cookie: admin }),
      await t.request("/api/nothing"),
      await t.request("/api/v1/auth/login", { method: "POST", body: "{not json" }),
      await t.request("/api/v1/accounts", { method: "DELETE", cookie: admin }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("compressed API answers", () => {
  it("gzips a JSON answer to a read when the client accepts it, the same JSON once decompressed", async () => {
    const plain = await t.request("/api/v1/accounts?q=maria", { cookie: admin });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(2048);

    const res = await t.request("/api/v1/accounts?q=maria", {
      cookie: admin,
      headers: { "accept-encoding": "gzip, deflate, br, zstd" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(gunzipSync(body).toString("utf8"))).toEqual(JSON.parse(text));

    const script = await t.request("/api/docs/swagger-ui-bundle.js", { headers: { "accept-encoding": "gzip" } });
    expect(script.headers.get("content-encoding")).toBe("gzip");
    expect(script.headers.get("cache-control")).toBe("public, max-age=86400");
  });

  it("sends answers under 1 KB as they are, with their length", async () => {
    for (const [path, status] of [
      ["/api/v1/auth/me", 200],
      ["/api/v1/nothing-here", 404],
      ["/api/v1/accounts?limit=not-a-number", 400],
    ] as const) {
      const res = await t.request(path, { cookie: admin, headers: { "accept-encoding": "gzip, deflate, br" } });
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-encoding"), path).toBeNull();
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.length, path).toBeLessThan(1024);
      expect(JSON.parse(body.toString("utf8")), path).toBeTruthy();
    }
  });

  it("sends the documentation's script and style sheet gzipped ahead of time, with their length", async () => {
    for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      const plain = await t.request(`/api/docs/${file}`);
      const original = Buffer.from(await plain.arrayBuffer());
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(plain.headers.get("vary")).toMatch(/Accept-Encoding/);
      for (let i = 0; i < 2; i++) {
        const res = await t.request(`/api/docs/${file}`, { headers: { "accept-encoding": "gzip, deflate, br" } });
        expect(res.status).toBe(200);
        expect(res.headers.get("content-encoding")).toBe("gzip");
        expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
        expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
        const body = Buffer.from(await res.arrayBuffer());
        expect(Number(res.headers.get("content-length"))).toBe(body.length);
        expect(body.length).toBeLessThan(original.length / 2);
        expect(gunzipSync(body).equals(original)).toBe(true);
      }
    }
  });

  it("streams the audit export and answers to changes as they are", async () => {
    const csv = await t.request("/api/v1/audit-events/export?format=csv", {
      cookie: admin,
      headers: { "accept-encoding": "gzip" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-encoding")).toBeNull();
    expect((await csv.text()).startsWith("seq,id,occurred_at")).toBe(true);

    const created = await t.request("/api/v1/api-keys", {
      cookie: admin,
      headers: { "accept-encoding": "gzip" },
      body: { name: "compression check ".repeat(3).trim(), scopes: [...API_SCOPES] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("content-encoding")).toBeNull();
    expect(await created.json()).toMatchObject({ key: expect.stringMatching(/^rdk_/) });
  });
});

describe("the console's files", () => {
  const path = "/assets/index-Ab12Cd34.js";

  it.each([
    ["br", "br", brotliDecompressSync],
    ["gzip, deflate, br, zstd", "br", brotliDecompressSync],
    ["gzip", "gzip", gunzipSync],
    ["gzip, deflate", "gzip", gunzipSync],
  ] as const)("sends a hashed script pre-compressed for Accept-Encoding: %s", async (accept, encoding, decode) => {
    const res = await t.request(path, { headers: { "accept-encoding": accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe(encoding);
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(Number(res.headers.get("content-length")));
    expect(body.length).toBeLessThan(SCRIPT.length / 4);
    expect(decode(body).equals(SCRIPT)).toBe(true);
  });

  it.each([undefined, "identity", "deflate"])("sends it as it is for Accept-Encoding: %s", async (accept) => {
    const res = await t.request(path, { headers: accept ? { "accept-encoding": accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await res.arrayBuffer()).equals(SCRIPT)).toBe(true);
  });

  it("never sends the compressed copies under their own names, nor an unknown asset as the page", async () => {
    expect((await t.request(`${path}.br`)).status).toBe(404);
    expect((await t.request(`${path}.gz`)).status).toBe(404);
    const missing = await t.request("/assets/gone-123.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).not.toContain("immutable");
  });
});
