import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_CONFIG } from "../../deps.ts";
import { MINUTE } from "../../lib/clock.ts";
import { eventsOf } from "../../test/audit.ts";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { countedAddress } from "./sign-in-limits.ts";

// Every password check goes through verifySecret: count the calls, and let each one take a while,
// as argon2 does, so that parallel requests really overlap.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../security/hashing.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../security/hashing.ts")>();
  return {
    ...real,
    verifySecret: async (stored: string, secret: string) => {
      checks.count++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return real.verifySecret(stored, secret);
    },
  };
});

const LIMITS = { ...DEFAULT_CONFIG.login, maxFailuresPerAddress: 20, maxAttemptsPerMinute: 300 };

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ login: LIMITS });
});
afterAll(() => t.close());
beforeEach(() => {
  checks.count = 0;
  // A fresh window for every test: the counters of the one before have run out.
  t.clock.advance(60 * MINUTE);
});

/** A sign-in as if from `ip` (the socket's address, as the Node server sees it). */
function login(username: string, password: string, ip: string | null = null) {
  const init = {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  };
  return ip === null
    ? t.app.request("/api/v1/auth/login", init)
    : t.app.request("/api/v1/auth/login", init, { incoming: { socket: { remoteAddress: ip } } });
}

const failuresFor = async (username: string) =>
  (await eventsOf(t.database.db, "auth.login_failed")).filter(
    (e) => (e.details as { username?: string }).username === username,
  ).length;

describe("staff sign-in limits", () => {
  it("checks at most 5 of 40 parallel wrong passwords for one username; the rest get 429 with Retry-After", async () => {
    const failedBefore = await failuresFor("ava.agent");
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login("ava.agent", `guess-${i}`, `198.51.100.${i + 1}`)),
    );
    const statuses = answers.map((res) => res.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
    expect(checks.count).toBe(5);
    expect(await failuresFor("ava.agent")).toBe(failedBefore + 5);
    const refused = answers.find((res) => res.status === 429);
    expect(refused?.headers.get("retry-after")).toBe(String(15 * 60));
    expect(await refused?.json()).toMatchObject({ code: "rate_limited", retryAfter: 900 });

    // The right password is refused too, without being checked, until the window ends.
    checks.count = 0;
    expect((await login("ava.agent", "helpdesk-demo")).status).toBe(429);
    expect(checks.count).toBe(0);
    t.clock.advance(15 * MINUTE);
    expect((await login("ava.agent", "helpdesk-demo")).status).toBe(200);
  });

  it("a successful sign-in clears the username's failures", async () => {
    for (let i = 0; i < 4; i++) expect((await login("sam.supervisor", `typo-${i}`)).status).toBe(401);
    expect((await login("sam.supervisor", "helpdesk-demo")).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login("sam.supervisor", `typo-${i}`)).status).toBe(401);
    expect((await login("sam.supervisor", "helpdesk-demo")).status).toBe(429);
  });

  it("limits failures per client address to 20 in 15 minutes, whatever the usernames", async () => {
    const attacker = "203.0.113.9";
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(`nobody.${i}`, "guess", attacker)));
    expect(answers.filter((res) => res.status === 401)).toHaveLength(20);
    expect(answers.filter((res) => res.status === 429)).toHaveLength(10);
    expect(checks.count).toBe(20);
    const refused = await login("ada.admin", "helpdesk-demo", attacker);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: "rate_limited" });

    // Another address is not affected, and the limit lifts when the window ends.
    expect((await login("ada.admin", "helpdesk-demo", "203.0.113.10")).status).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await login("ada.admin", "helpdesk-demo", attacker)).status).toBe(200);
  });

  it("does not count successful sign-ins against the address, nor refusals for a limited username", async () => {
    const office = "192.0.2.44";
    for (let i = 0; i < 30; i++) expect((await login("ada.admin", "helpdesk-demo", office)).status).toBe(200);
    for (let i = 0; i < 8; i++) await login("ava.agent", `guess-${i}`, office); // 5 checked, 3 refused
    for (let i = 0; i < 15; i++) expect((await login(`nobody.${i}`, "guess", office)).status).toBe(401);
    expect((await login("nobody.x", "guess", office)).status).toBe(429);
  });

  it("lets one address that keeps trying a username it locked block no one else's sign-in", async () => {
    const attacker = "203.0.113.50";
    for (let i = 0; i < 5; i++) expect((await login("ava.agent", `guess-${i}`, attacker)).status).toBe(401);
    for (let round = 0; round < 7; round++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => login("ava.agent", `guess-${round}-${i}`, attacker)),
      );
      expect(answers.every((res) => res.status === 429)).toBe(true);
    }
    expect(checks.count).toBe(5);
    // 355 attempts in the minute, past the ceiling of 300: only the 5 checked count towards it.
    expect((await login("sam.supervisor", "helpdesk-demo", "192.0.2.80")).status).toBe(200);
    expect((await login("nobody.else", "guess", "192.0.2.81")).status).toBe(401);
  });

  it("counts IPv6 addresses by their /64, and an IPv4-mapped address as IPv4", async () => {
    const answers = await Promise.all(
      Array.from({ length: 21 }, (_, i) => login(`nobody.${i}`, "guess", `2001:db8:1:2::${(i + 1).toString(16)}`)),
    );
    expect(answers.filter((res) => res.status === 429)).toHaveLength(1);
    for (let i = 0; i < 20; i++) await login(`nobody.${i}`, "guess", "198.51.100.200");
    expect((await login("nobody.x", "guess", "::ffff:198.51.100.200")).status).toBe(429);
  });
});

describe("the address a sign-in is counted under", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002::9", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["64:ff9b::198.51.100.7", "64:ff9b:0:0::/64"],
  ])("%s → %s", (ip, counted) => {
    expect(countedAddress(ip)).toBe(counted);
  });
});

describe("the ceiling on sign-in attempts across all usernames", () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestContext({ login: { ...LIMITS, maxAttemptsPerMinute: 10 } });
  });
  afterAll(() => small.close());
  // A fresh minute for every test, as for the tests above.
  beforeEach(() => small.clock.advance(60 * MINUTE));

  const attempt = (i: number) =>
    small.app.request(
      "/api/v1/auth/login",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: `someone.${i}`, password: "guess" }),
      },
      { incoming: { socket: { remoteAddress: `198.51.100.${i + 1}` } } },
    );

  it("answers 429 past the ceiling a minute, from any address, and lets attempts through the next minute", async () => {
    const answers = await Promise.all(Array.from({ length: 14 }, (_, i) => attempt(i)));
    expect(answers.filter((res) => res.status === 401)).toHaveLength(10);
    const refused = answers.filter((res) => res.status === 429);
    expect(refused).toHaveLength(4);
    expect(Number(refused[0]?.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await refused[0]?.json()).toMatchObject({ code: "rate_limited" });
    expect(checks.count).toBe(10);

    small.clock.advance(MINUTE);
    expect((await attempt(20)).status).toBe(401);
  });

  it("takes an attempt it refuses back from the username's and the address's counts", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(i)));
    expect(answers.every((res) => res.status === 401)).toBe(true);
    const target = (password: string) =>
      small.app.request(
        "/api/v1/auth/login",
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "target.user", password }),
        },
        { incoming: { socket: { remoteAddress: "203.0.113.77" } } },
      );
    for (let i = 0; i < 6; i++) expect((await target(`over-${i}`)).status).toBe(429);

    // The next minute the username still has all of its 5 attempts.
    small.clock.advance(MINUTE);
    for (let i = 0; i < 5; i++) expect((await target(`guess-${i}`)).status).toBe(401);
    expect((await target("guess-5")).status).toBe(429);
  });
});
