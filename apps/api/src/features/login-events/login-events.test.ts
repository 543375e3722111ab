import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accounts } from "../../db/schema/index.ts";
import { HOUR, MINUTE } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { createKey } from "../../test/hostile/callers.ts";

let t: TestContext;
let key: string;
let admin: string;

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
  admin = await t.signIn("ada.admin");
  key = (await createKey(t, admin, "Login service", ["login-events:write"])).key;
});
afterEach(() => t.close());

const report = async (username: string, outcome: "success" | "failure", extra: { ip?: string } = {}) => {
  const res = await t.api({ key })["login-events"].$post({ json: { username, outcome, ...extra } });
  return { status: res.status, body: await answerOf(res, 200) };
};
const resetKim = async () => {
  const kim = await accountByUsername(t.database.db, "kim.nguyen");
  await t.database.db
    .update(accounts)
    .set({
      status: "active",
      statusReason: null,
      lockKind: null,
      lockedAt: null,
      lockedUntil: null,
      failedLoginCount: 0,
      failedLoginWindowStartedAt: null,
    })
    .where(eq(accounts.id, kim.id));
  return kim;
};

/** Five failures for Kim Nguyen: the answer to the fifth. */
const lockKim = async () => {
  let last: Awaited<ReturnType<typeof report>>["body"] | undefined;
  for (let i = 0; i < 5; i++) last = (await report("kim.nguyen", "failure")).body;
  return last;
};

describe("the lockout policy from login events", () => {
  it("locks Kim Nguyen for 30 minutes after five failures, with the key as the actor", async () => {
    for (let i = 1; i <= 4; i++)
      expect((await report("kim.nguyen", "failure")).body).toEqual({
        status: "active",
        locked: false,
        lockedUntil: null,
      });
    const fifth = await report("kim.nguyen", "failure", { ip: "203.0.113.9" });
    expect(fifth).toEqual({
      status: 200,
      body: {
        status: "locked",
        locked: true,
        lockedUntil: new Date(t.clock.now().getTime() + 30 * MINUTE).toISOString(),
      },
    });
    const [event] = (await eventsOf(t.database.db, "account.locked")).slice(-1);
    expect(event).toMatchObject({
      actorType: "api_key",
      actorName: "Login service",
      ip: "203.0.113.9",
      details: { lockKind: "temporary", failedLogins: 5 },
    });
  });

  it("keeps a locked account locked, even on a success", async () => {
    expect(await lockKim()).toMatchObject({ locked: true });
    expect((await report("kim.nguyen", "failure")).body.locked).toBe(true);
    expect((await report("kim.nguyen", "success")).body).toMatchObject({ status: "locked", locked: true });
  });

  it("lets the lock end by itself after 30 minutes", async () => {
    expect(await lockKim()).toMatchObject({ locked: true });
    t.clock.advance(30 * MINUTE);
    expect((await report("kim.nguyen", "success")).body).toEqual({
      status: "active",
      locked: false,
      lockedUntil: null,
    });
    expect((await eventsOf(t.database.db, "account.unlocked")).at(-1)).toMatchObject({
      actorType: "api_key",
      reason: "The temporary lock ended.",
    });
  });

  it("resets the count on a success and starts again after 15 quiet minutes", async () => {
    for (let i = 0; i < 4; i++) await report("kim.nguyen", "failure");
    await report("kim.nguyen", "success");
    for (let i = 0; i < 4; i++) expect((await report("kim.nguyen", "failure")).body.locked).toBe(false);
    t.clock.advance(15 * MINUTE);
    expect((await report("kim.nguyen", "failure")).body.locked).toBe(false);
    expect((await accountByUsername(t.database.db, "kim.nguyen")).failedLoginCount).toBe(1);
  });

  it("makes the third lock within 24 hours a hard lock", async () => {
    expect(await lockKim()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
    await resetKim();
    t.clock.advance(HOUR);
    // One temporary lock an hour ago; two more make the third.
    expect(await lockKim()).toMatchObject({ locked: true, lockedUntil: expect.any(String) });
    t.clock.advance(31 * MINUTE);
    expect(await lockKim()).toEqual({ status: "locked", locked: true, lockedUntil: null });
    expect((await eventsOf(t.database.db, "account.locked")).at(-1)).toMatchObject({ details: { lockKind: "hard" } });
  });

  it("answers an unknown username in the same shape", async () => {
    expect(await report("no.such.person", "failure")).toEqual({
      status: 200,
      body: { status: "unknown", locked: false, lockedUntil: null },
    });
  });

  it("loses no count when fifty failures for one account arrive at once", async () => {
    const kim = await resetKim();
    t.clock.advance(2 * 24 * HOUR);
    const before = (await eventsOf(t.database.db, "account.locked")).length;
    const results = await Promise.all(Array.from({ length: 50 }, () => report("kim.nguyen", "failure")));
    expect(results.filter((r) => r.status === 200)).toHaveLength(50);
    expect(results.filter((r) => r.body.locked)).toHaveLength(46);
    expect(await accountByUsername(t.database.db, "kim.nguyen")).toMatchObject({
      id: kim.id,
      status: "locked",
      lockKind: "temporary",
      failedLoginCount: 5,
    });
    expect((await eventsOf(t.database.db, "account.locked")).length).toBe(before + 1);
  });

  it.each([
    ["an outcome that is not one", { username: "kim.nguyen", outcome: "maybe" }],
    ["a time in the future", { username: "kim.nguyen", outcome: "failure", occurredAt: "2099-01-01T00:00:00.000Z" }],
    ["a time long past", { username: "kim.nguyen", outcome: "failure", occurredAt: "2020-01-01T00:00:00.000Z" }],
    ["a malformed address", { username: "kim.nguyen", outcome: "failure", ip: "999.1.1.1" }],
  ])("refuses %s", async (_label, body) => {
    const res = await t.request("/api/v1/login-events", { body, headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(400);
  });

  it("is for keys with the login-events scope only", async () => {
    admin = await t.signIn("ada.admin");
    const staff = await t.request("/api/v1/login-events", {
      cookie: admin,
      body: { username: "kim.nguyen", outcome: "failure" },
    });
    expect(staff.status).toBe(403);
    const anonymous = await t.request("/api/v1/login-events", { body: { username: "kim.nguyen", outcome: "failure" } });
    expect(anonymous.status).toBe(401);
    const readsAudit = await t.request("/api/v1/audit-events", { headers: { authorization: `Bearer ${key}` } });
    expect(readsAudit.status).toBe(403);
  });
});
