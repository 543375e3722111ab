import type { CreatedApiKey } from "@recovery-desk/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { idempotencyKeys } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { createKey } from "../../test/hostile/callers.ts";

let t: TestContext;
let admin: string;
const keys: Record<string, CreatedApiKey> = {};

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
  admin = await t.signIn("ada.admin");
  for (const [name, scopes] of [
    ["login", ["login-events:write"]],
    ["reader", ["accounts:read"]],
    ["auditor", ["audit:read"]],
  ] as const) {
    keys[name] = await createKey(t, admin, name, [...scopes]);
  }
});
afterEach(() => t.close());

const bearer = (name: string) => ({ authorization: `Bearer ${keys[name]?.key}` });
const keyList = async () => answerOf(await t.api(admin)["api-keys"].$get(), 200);

describe("API keys", () => {
  it("are shown once, prefixed so a leaked key is recognisable, and listed without the key", async () => {
    const created = keys.login as CreatedApiKey;
    expect(created.key).toMatch(/^rdk_[a-z2-7]{52}$/);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const list = await keyList();
    expect(list.items.map((k) => k.name)).toEqual(expect.arrayContaining(["login", "reader", "auditor"]));
    const text = JSON.stringify(list);
    for (const k of Object.values(keys)) expect(text).not.toContain(k.key);
    expect(JSON.stringify(await allEvents(t.database.db))).not.toContain(created.key);
  });

  it("let a reader key read accounts, masked, and nothing else", async () => {
    const maria = await accountByUsername(t.database.db, "maria.lopez");
    const detail = await t.api({ key: keys.reader?.key }).accounts[":id"].$get({ param: { id: maria.id } });
    expect((await answerOf(detail, 200)).contactMasked).toBe(true);
    expect((await t.request("/api/v1/accounts?q=maria", { headers: bearer("reader") })).status).toBe(200);
    expect(
      (await t.request(`/api/v1/accounts/${maria.id}/unlock`, { headers: bearer("reader"), body: { reason: "x" } }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.request("/api/v1/login-events", {
          headers: bearer("reader"),
          body: { username: "x", outcome: "success" },
        })
      ).status,
    ).toBe(403);
  });

  it("keep each scope to its routes", async () => {
    expect((await t.request("/api/v1/accounts?q=maria", { headers: bearer("login") })).status).toBe(403);
    expect((await t.request("/api/v1/accounts?q=maria", { headers: bearer("auditor") })).status).toBe(403);
    expect((await t.request("/api/v1/staff", { headers: bearer("auditor") })).status).toBe(403);
    expect((await t.request("/api/v1/auth/me", { headers: bearer("reader") })).status).toBe(403);
  });

  it("record when they were last used", async () => {
    expect((await t.request("/api/v1/accounts?q=maria", { headers: bearer("reader") })).status).toBe(200);
    const event = { username: "no.such.person", outcome: "failure" };
    expect((await t.request("/api/v1/login-events", { headers: bearer("login"), body: event })).status).toBe(200);
    const list = await keyList();
    expect(list.items.find((k) => k.name === "reader")?.lastUsedAt).toBe(t.clock.now().toISOString());
    expect(list.items.find((k) => k.name === "login")?.lastUsedAt).not.toBeNull();
  });

  it("fail at once when revoked, and revoking twice is a conflict", async () => {
    const id = keys.reader?.id;
    expect((await t.request(`/api/v1/api-keys/${id}`, { method: "DELETE", cookie: admin })).status).toBe(204);
    const refused = await t.request("/api/v1/accounts?q=maria", { headers: bearer("reader") });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: "unauthenticated" });
    expect((await t.request(`/api/v1/api-keys/${id}`, { method: "DELETE", cookie: admin })).status).toBe(409);
    const actions = (await allEvents(t.database.db)).map((e) => e.action);
    expect(actions.filter((a) => a === "api_key.created")).toHaveLength(3);
    expect(actions.filter((a) => a === "api_key.revoked")).toHaveLength(1);
  });

  it("are refused in the query string and when malformed", async () => {
    const inQuery = await t.request(`/api/v1/accounts?q=maria&api_key=${keys.login?.key}`);
    expect(inQuery.status).toBe(400);
    expect((await t.request("/api/v1/accounts", { headers: { authorization: "Bearer nonsense" } })).status).toBe(401);
    expect((await t.request("/api/v1/accounts", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("are managed by admins only", async () => {
    const agent = await t.signIn("ava.agent");
    const supervisor = await t.signIn("sam.supervisor");
    for (const cookie of [agent, supervisor]) {
      expect((await t.request("/api/v1/api-keys", { cookie })).status).toBe(403);
      expect(
        (await t.request("/api/v1/api-keys", { cookie, body: { name: "x", scopes: ["audit:read"] } })).status,
      ).toBe(403);
    }
  });

  it("never keeps a new key for idempotent replay: a retry is told to look it up instead", async () => {
    const createRetry = () =>
      t
        .api({ cookie: admin, headers: { "idempotency-key": "create-key-1" } })
        ["api-keys"].$post({ json: { name: "Retry", scopes: ["audit:read"] } });
    const created = await answerOf(await createRetry(), 201);
    const retry = await createRetry();
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/never kept/) });
    const stored = await t.database.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(created.key);
  });

  it.each([
    ["no scopes", { name: "x", scopes: [] }],
    ["an unknown scope", { name: "x", scopes: ["accounts:delete"] }],
    ["no name", { scopes: ["audit:read"] }],
  ])("refuses a key with %s", async (_label, body) => {
    expect((await t.request("/api/v1/api-keys", { cookie: admin, body })).status).toBe(400);
  });
});

describe("rate limits", () => {
  it("answer 429 with Retry-After past the limit per session, and per key", async () => {
    const limited = await createTestContext({ rateLimits: { perStaffPerMinute: 5, perKeyPerMinute: 3 } });
    try {
      const cookie = await limited.signIn("ava.agent");
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await limited.request("/api/v1/auth/me", { cookie })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const res = await limited.request("/api/v1/auth/me", { cookie });
      expect(res.headers.get("retry-after")).toBe("60");
      expect(await res.json()).toMatchObject({ code: "rate_limited" });
      const other = await limited.signIn("sam.supervisor");
      expect((await limited.request("/api/v1/auth/me", { cookie: other })).status).toBe(200);
      limited.clock.advance(MINUTE);
      expect((await limited.request("/api/v1/auth/me", { cookie })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
