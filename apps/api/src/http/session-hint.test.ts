import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MINUTE } from "../lib/clock.ts";
import { createTestContext, type TestContext } from "../test/context.ts";

/**
 * The signed-in hint: a cookie the console can read (`rd_signed_in=1`, no secret in it) that says this
 * browser has a session, so a first visit without one does not ask `GET /auth/me` only to be refused.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** Every Set-Cookie line of a response, by cookie name. */
function setCookies(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line]));
}

const HINT = "rd_signed_in";

describe("the signed-in hint cookie", () => {
  it("is set at sign-in beside the session: readable by the page, no secret, same lifetime and SameSite", async () => {
    const res = await t.request("/api/v1/auth/login", { body: { username: "ava.agent", password: "helpdesk-demo" } });
    expect(res.status).toBe(200);
    const cookies = setCookies(res);
    const session = cookies.get("rd_session") ?? "";
    const hint = cookies.get(HINT) ?? "";
    expect(hint).toMatch(/^rd_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/SameSite=Lax/);
    expect(hint).toMatch(/Path=\//);
    const maxAge = (line: string) => /Max-Age=(\d+)/.exec(line)?.[1];
    expect(maxAge(hint)).toBeDefined();
    expect(maxAge(hint)).toBe(maxAge(session));
    expect(session).toMatch(/HttpOnly/);
  });

  it("is Secure when the session cookie is", async () => {
    const res = await t.app.request("https://desk.example/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "ava.agent", password: "helpdesk-demo" }),
    });
    expect(setCookies(res).get(HINT)).toMatch(/Secure/);
  });

  it("is cleared at sign-out, with the session cookie", async () => {
    const cookie = await t.signIn("ava.agent");
    const res = await t.request("/api/v1/auth/logout", { body: {}, cookie: `${cookie}; ${HINT}=1` });
    expect(res.status).toBe(204);
    const cookies = setCookies(res);
    expect(cookies.get(HINT)).toMatch(/^rd_signed_in=;.*Max-Age=0/);
    expect(cookies.get("rd_session")).toMatch(/^rd_session=;.*Max-Age=0/);
  });

  it("is cleared, with the dead session cookie, when a cookie session is refused as unauthenticated", async () => {
    const cookie = await t.signIn("ava.agent");
    t.clock.advance(31 * MINUTE); // idle too long: the server has ended the session
    try {
      const res = await t.request("/api/v1/auth/me", { cookie: `${cookie}; ${HINT}=1` });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: "unauthenticated" });
      const cookies = setCookies(res);
      expect(cookies.get(HINT)).toMatch(/^rd_signed_in=;.*Max-Age=0/);
      expect(cookies.get("rd_session")).toMatch(/^rd_session=;.*Max-Age=0/);

      // A browser that only kept the hint is told the same.
      const hintOnly = await t.request("/api/v1/accounts?q=maria", { cookie: `${HINT}=1` });
      expect(hintOnly.status).toBe(401);
      expect(setCookies(hintOnly).get(HINT)).toMatch(/Max-Age=0/);
    } finally {
      t.clock.advance(-31 * MINUTE);
    }
  });

  it("is left alone when nothing of a cookie session was sent, or a service's key was refused", async () => {
    const bare = await t.request("/api/v1/auth/me");
    expect(bare.status).toBe(401);
    expect(bare.headers.get("set-cookie")).toBeNull();

    const cookie = await t.signIn("ava.agent");
    const badKey = await t.request("/api/v1/login-events", {
      body: { username: "kim.nguyen", outcome: "success" },
      cookie: `${cookie}; ${HINT}=1`,
      headers: { authorization: "Bearer rdk_not_a_real_key" },
    });
    expect(badKey.status).toBe(401);
    expect(badKey.headers.get("set-cookie")).toBeNull();
    // The browser's own session is untouched and still works.
    const me = await t.request("/api/v1/auth/me", { cookie });
    expect(me.status).toBe(200);
  });

  it("is not set by a failed sign-in", async () => {
    const res = await t.request("/api/v1/auth/login", { body: { username: "ava.agent", password: "wrong-password" } });
    expect(res.status).toBe(401);
    expect(setCookies(res).has(HINT)).toBe(false);
  });
});
