import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "../../lib/clock.ts";
import { eventsOf, latestEvents } from "../../test/audit.ts";
import { createTestContext, problemOf, sessionCookieOf, type TestContext } from "../../test/context.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers?: Record<string, string>) =>
  t.request("/api/v1/auth/login", { body: { username, password }, ...(headers ? { headers } : {}) });

describe("staff sign-in", () => {
  it("signs in with the right password, sets an HttpOnly SameSite=Lax cookie and audits auth.login", async () => {
    const res = await login("ava.agent", "helpdesk-demo");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      staff: { id: expect.stringMatching(/^stf_/), username: "ava.agent", displayName: "Ava Agent", role: "agent" },
    });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rd_session=[a-z2-7]{52};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);

    const [event] = await latestEvents(t.database.db, 1);
    expect(event).toMatchObject({ action: "auth.login", actorType: "staff", actorName: "ava.agent" });
  });

  it("sets a Secure cookie when served over https", async () => {
    const res = await t.app.request("https://desk.example/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ava.agent", password: "helpdesk-demo" }),
    });
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("gives a new token at every sign-in", async () => {
    const first = await t.signIn("ava.agent");
    const second = await t.signIn("ava.agent");
    expect(first).not.toBe(second);
  });

  it("answers an unknown username and a wrong password alike", async () => {
    const unknown = await login("nobody.here", "helpdesk-demo");
    const wrong = await login("sam.supervisor", "not-the-password");
    for (const res of [unknown, wrong]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/problem\+json/);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const [a, b] = [await problemOf(unknown, 401), await problemOf(wrong, 401)];
    expect({ ...a, requestId: "" }).toEqual({ ...b, requestId: "" });
    expect(a).toMatchObject({ code: "invalid_credentials", status: 401 });
  });

  it("audits failed sign-ins without the password", async () => {
    await login("sam.supervisor", "a-guess-that-is-wrong");
    const failures = await eventsOf(t.database.db, "auth.login_failed");
    const last = failures.at(-1);
    expect(last).toMatchObject({
      actorName: "sam.supervisor",
      details: { username: "sam.supervisor", knownUser: true },
    });
    expect(JSON.stringify(failures)).not.toContain("a-guess-that-is-wrong");
  });

  it("refuses sign-in after five failures in 15 minutes, even with the right password, then lets it through again", async () => {
    for (let i = 0; i < 5; i++) expect((await login("ada.admin", `wrong-${i}`)).status).toBe(401);
    const blocked = await login("ada.admin", "helpdesk-demo");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe(String(15 * 60));
    expect(await blocked.json()).toMatchObject({ code: "rate_limited", retryAfter: 900 });

    t.clock.advance(15 * MINUTE);
    expect((await login("ada.admin", "helpdesk-demo")).status).toBe(200);
    t.clock.advance(-15 * MINUTE);
  });

  it("counts failures per username, in any letter case", async () => {
    for (let i = 0; i < 5; i++) await login(i % 2 ? "NOBODY.ELSE" : "nobody.else", "x");
    expect((await login("Nobody.Else", "x")).status).toBe(429);
    expect((await login("sam.supervisor", "helpdesk-demo")).status).toBe(200);
  });

  it.each([
    ["no body", undefined],
    ["an empty object", {}],
    ["a number for username", { username: 7, password: "x" }],
    ["an empty password", { username: "ava.agent", password: "" }],
    ["an oversize password", { username: "ava.agent", password: "x".repeat(201) }],
  ])("refuses %s with validation_failed", async (_label, body) => {
    const res = await t.request("/api/v1/auth/login", { method: "POST", ...(body === undefined ? {} : { body }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "validation_failed" });
  });
});

describe("sessions", () => {
  it("knows who is signed in", async () => {
    const cookie = await t.signIn("sam.supervisor");
    const res = await t.request("/api/v1/auth/me", { cookie });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ staff: { username: "sam.supervisor", role: "supervisor" } });
  });

  it("answers 401 without a session or with a made-up one", async () => {
    for (const cookie of [undefined, "rd_session=abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst"]) {
      const res = await t.request("/api/v1/auth/me", cookie ? { cookie } : {});
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: "unauthenticated" });
    }
  });

  it("ends after 30 idle minutes", async () => {
    const cookie = await t.signIn("ava.agent");
    t.clock.advance(30 * MINUTE);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("stays open while used, up to the 12-hour limit", async () => {
    const cookie = await t.signIn("ava.agent");
    for (let elapsed = 0; elapsed < 11.5 * HOUR; elapsed += 25 * MINUTE) {
      t.clock.advance(25 * MINUTE);
      expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(200);
    }
    t.clock.advance(30 * MINUTE);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(401);
  });

  it("signs out: the cookie is cleared, the session no longer works, and it is audited", async () => {
    const cookie = await t.signIn("ava.agent");
    const res = await t.request("/api/v1/auth/logout", { method: "POST", cookie });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/rd_session=;/);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(401);
    const [event] = await latestEvents(t.database.db, 1);
    expect(event).toMatchObject({ action: "auth.logout", actorName: "ava.agent" });
  });

  it("refuses a state-changing request from another origin", async () => {
    const cookie = await t.signIn("ava.agent");
    const foreign = await t.request("/api/v1/auth/logout", {
      method: "POST",
      cookie,
      headers: { origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ code: "forbidden" });
    const crossSite = await t.request("/api/v1/auth/logout", {
      method: "POST",
      cookie,
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(200);

    const sameOrigin = await t.request("/api/v1/auth/logout", {
      method: "POST",
      cookie,
      headers: { origin: "http://localhost" },
    });
    expect(sameOrigin.status).toBe(204);
  });

  it("does not keep the token anywhere in the database, only its hash", async () => {
    const res = await login("ava.agent", "helpdesk-demo");
    const token = sessionCookieOf(res).split("=")[1] as string;
    const rows = await t.database.db.query.sessions.findMany();
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
