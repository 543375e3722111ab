import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";

let t: TestContext;
let admin: string;
// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
  admin = await t.signIn("ada.admin");
});
afterEach(() => t.close());

/** Ada adds the agent Ben. */
async function addBen() {
  const res = await t.api(admin).staff.$post({
    json: { username: "ben.agent", displayName: "Ben Agent", role: "agent" },
  });
  return answerOf(res, 201);
}
type StaffChange = Parameters<ReturnType<TestContext["api"]>["staff"][":id"]["$patch"]>[0]["json"];
const change = (id: string, json: StaffChange) => t.api(admin).staff[":id"].$patch({ param: { id }, json });
const staffList = async () => answerOf(await t.api(admin).staff.$get(), 200);

describe("staff administration", () => {
  it("creates a staff member whose initial password, shown once, signs in", async () => {
    const created = await addBen();
    expect(created.staff).toMatchObject({ username: "ben.agent", role: "agent", disabled: false });
    expect(created.initialPassword.replaceAll("-", "")).toHaveLength(16);
    await t.signIn("ben.agent", created.initialPassword);
    const [event] = await eventsOf(t.database.db, "staff.created");
    expect(event).toMatchObject({ actorName: "ada.admin", details: { username: "ben.agent", role: "agent" } });
    expect(JSON.stringify(event)).not.toContain(created.initialPassword);
  });

  it("lists staff without any password", async () => {
    await addBen();
    const list = await staffList();
    expect(list.items.map((s) => s.username)).toEqual(["ada.admin", "ava.agent", "ben.agent", "sam.supervisor"]);
    expect(JSON.stringify(list)).not.toMatch(/argon2|password/i);
  });

  it("refuses a taken username", async () => {
    const res = await t.request("/api/v1/staff", {
      cookie: admin,
      body: { username: "AVA.AGENT", displayName: "Ava", role: "agent" },
    });
    expect(res.status).toBe(409);
  });

  it("changes a role", async () => {
    const created = await addBen();
    const res = await change(created.staff.id, { role: "supervisor" });
    expect((await answerOf(res, 200)).role).toBe("supervisor");
    expect((await eventsOf(t.database.db, "staff.updated")).at(-1)).toMatchObject({
      details: { role: { from: "agent", to: "supervisor" } },
    });
  });

  it("disables a staff member and ends their sessions at once", async () => {
    const created = await addBen();
    const session = await t.signIn("ben.agent", created.initialPassword);
    expect((await t.request("/api/v1/auth/me", { cookie: session })).status).toBe(200);
    const res = await change(created.staff.id, { disabled: true });
    expect((await answerOf(res, 200)).disabled).toBe(true);
    expect((await t.request("/api/v1/auth/me", { cookie: session })).status).toBe(401);
    const again = await t.request("/api/v1/auth/login", {
      body: { username: "ben.agent", password: created.initialPassword },
    });
    expect(again.status).toBe(401);
  });

  it("does not let an admin disable or demote themselves", async () => {
    const me = await answerOf(await t.api(admin).auth.me.$get(), 200);
    expect((await change(me.staff.id, { disabled: true })).status).toBe(409);
    expect((await change(me.staff.id, { role: "agent" })).status).toBe(409);
  });

  it.each([
    ["a bad username", { username: "a b", displayName: "A", role: "agent" }],
    ["an unknown role", { username: "zed.x", displayName: "Z", role: "owner" }],
  ])("refuses %s", async (_label, body) => {
    expect((await t.request("/api/v1/staff", { cookie: admin, body })).status).toBe(400);
  });

  it("refuses an empty change", async () => {
    const created = await addBen();
    expect(
      (await t.request(`/api/v1/staff/${created.staff.id}`, { method: "PATCH", cookie: admin, body: {} })).status,
    ).toBe(400);
  });

  it("is for admins only", async () => {
    const supervisor = await t.signIn("sam.supervisor");
    expect((await t.request("/api/v1/staff", { cookie: supervisor })).status).toBe(403);
    expect((await t.request("/api/v1/admin/inactivity-sweep", { method: "POST", cookie: supervisor })).status).toBe(
      403,
    );
  });
});

describe("clearing a staff member's sign-in limit", () => {
  const guess = (username: string, i: number) =>
    t.request("/api/v1/auth/login", { body: { username, password: `someone-elses-guess-${i}` } });
  const member = async (username: string) => {
    const found = (await staffList()).items.find((s) => s.username === username);
    if (!found) throw new Error(`No staff member ${username} in the list`);
    return found;
  };

  it("shows who cannot sign in now, and until when", async () => {
    expect((await member("sam.supervisor")).signInLimitedUntil).toBeNull();
    for (let i = 0; i < 5; i++) expect((await guess("sam.supervisor", i)).status).toBe(401);
    expect((await guess("sam.supervisor", 5)).status).toBe(429);
    expect((await member("sam.supervisor")).signInLimitedUntil).toBe(
      new Date(t.clock.now().getTime() + 15 * 60_000).toISOString(),
    );
    expect((await member("ava.agent")).signInLimitedUntil).toBeNull();
  });

  it("lets them sign in again at once, and records who cleared it", async () => {
    for (let i = 0; i < 6; i++) await guess("sam.supervisor", i);
    expect((await member("sam.supervisor")).signInLimitedUntil).not.toBeNull();
    const sam = await member("sam.supervisor");
    const res = await t.request(`/api/v1/staff/${sam.id}/clear-sign-in-limit`, { method: "POST", cookie: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: sam.id, username: "sam.supervisor", signInLimitedUntil: null });
    expect((await eventsOf(t.database.db, "staff.updated")).at(-1)).toMatchObject({
      actorName: "ada.admin",
      details: { staffId: sam.id, username: "sam.supervisor", signInLimitCleared: true },
    });
    await t.signIn("sam.supervisor");

    // Nothing to clear: the same answer, and nothing recorded.
    const before = (await eventsOf(t.database.db, "staff.updated")).length;
    expect(
      (await t.request(`/api/v1/staff/${sam.id}/clear-sign-in-limit`, { method: "POST", cookie: admin })).status,
    ).toBe(200);
    expect(await eventsOf(t.database.db, "staff.updated")).toHaveLength(before);
  });

  it("is for admins only, and answers 404 for nobody", async () => {
    const sam = await member("sam.supervisor");
    const supervisor = await t.signIn("sam.supervisor");
    const refused = await t.request(`/api/v1/staff/${sam.id}/clear-sign-in-limit`, {
      method: "POST",
      cookie: supervisor,
    });
    expect(refused.status).toBe(403);
    const nobody = await t.request("/api/v1/staff/stf_nobody/clear-sign-in-limit", { method: "POST", cookie: admin });
    expect(nobody.status).toBe(404);
    expect(await nobody.json()).toMatchObject({ code: "not_found" });
  });
});
