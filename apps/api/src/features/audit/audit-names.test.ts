import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "../../audit/append.ts";
import { accounts, apiKeys, staff } from "../../db/schema/index.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { parseCsv } from "../../test/csv.ts";
import { verifyByQuestions } from "../../test/verify.ts";

/** Supervisors filter the trail by the names they know (a staff username, an account's username), not only by ids. */
let t: TestContext;
let sam: string;
let avaId: string;
let maria: string;

beforeAll(async () => {
  t = await createTestContext();
  const ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  maria = (await accountByUsername(t.database.db, "maria.lopez")).id;
  await verifyByQuestions(t, ava, maria, ["biscuit", "san antonio"], "CASE-42");
  await t.request(`/api/v1/accounts/${maria}/unlock`, {
    cookie: ava,
    body: { reason: "Verified caller, locked after travel", caseRef: "CASE-42" },
  });
  const me = await answerOf(await t.api(ava).auth.me.$get(), 200);
  avaId = me.staff.id;
});
afterAll(() => t.close());

type AuditQuery = Parameters<ReturnType<TestContext["api"]>["audit-events"]["$get"]>[0]["query"];
async function list(query: AuditQuery) {
  return answerOf(await t.api(sam)["audit-events"].$get({ query: { limit: "200", ...query } }), 200);
}

describe("filtering the trail by name", () => {
  it("takes a staff username, in any case, or an id as the actor", async () => {
    const byId = await list({ actorId: avaId });
    expect(byId.items.length).toBeGreaterThan(2);
    for (const actor of ["ava.agent", "AVA.Agent", avaId]) {
      const page = await list({ actor });
      expect(
        page.items.map((e) => e.seq),
        actor,
      ).toEqual(byId.items.map((e) => e.seq));
      expect(page.items.every((e) => e.actor.id === avaId && e.actor.name === "ava.agent")).toBe(true);
    }
  });

  it("takes an account's username or id as the account", async () => {
    const byId = await list({ accountId: maria });
    expect(byId.items.map((e) => e.action)).toEqual(expect.arrayContaining(["account.unlocked"]));
    for (const account of ["maria.lopez", "Maria.Lopez", maria]) {
      const page = await list({ account });
      expect(
        page.items.map((e) => e.seq),
        account,
      ).toEqual(byId.items.map((e) => e.seq));
    }
    const both = await list({ account: "maria.lopez", actor: "ava.agent", action: "account.unlocked" });
    expect(both.items).toHaveLength(1);
    expect(both.items[0]).toMatchObject({ accountId: maria, actor: { id: avaId }, caseRef: "CASE-42" });
  });

  it.each([
    ["actor", "ava.agnt", 'No staff member or API key "ava.agnt"'],
    ["account", "maria.lopezz", 'No account "maria.lopezz"'],
  ])("answers 400 naming the unknown %s, for the list and the export", async (param, value, message) => {
    for (const path of ["/api/v1/audit-events", "/api/v1/audit-events/export"]) {
      const problem = await problemOf(await t.request(`${path}?${param}=${value}`, { cookie: sam }), 400);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors).toEqual([{ path: `query.${param}`, message: expect.stringContaining(message) }]);
    }
  });

  it("takes an exact id over a username spelt like that id, for staff, API keys and accounts", async () => {
    const db = t.database.db;
    const at = t.clock.now();
    const person = { displayName: "Twin", role: "agent" as const, passwordHash: "x", createdAt: at, updatedAt: at };
    const customer = {
      firstName: "Twin",
      lastName: "Twin",
      displayName: "Twin Twin",
      nameSearch: "twin twin",
      status: "active" as const,
      createdAt: at,
      updatedAt: at,
    };
    // Each record whose username is another's id is written first, so an unordered lookup meets it first.
    await db.insert(staff).values({ ...person, id: "stf_twin_a", username: "stf_twin_b" });
    await db.insert(staff).values({ ...person, id: "stf_twin_c", username: "key_twin" });
    await db.insert(staff).values({ ...person, id: "stf_twin_b", username: "twin.b" });
    await db.insert(apiKeys).values({
      id: "key_twin",
      name: "Twin key",
      prefix: "rdk_twin",
      keyHash: "twin-hash",
      scopes: [],
      createdAt: at,
    });
    await db.insert(accounts).values({ ...customer, id: "acc_twin_a", username: "acc_twin_b" });
    await db.insert(accounts).values({ ...customer, id: "acc_twin_b", username: "twin.b" });
    await db.transaction(async (tx) => {
      for (const [type, id, accountId] of [
        ["staff", "stf_twin_a", "acc_twin_a"],
        ["staff", "stf_twin_c", "acc_twin_a"],
        ["staff", "stf_twin_b", "acc_twin_b"],
        ["api_key", "key_twin", "acc_twin_b"],
      ] as const) {
        await appendAuditEvent(tx, {
          at,
          actor: { type, id, name: id },
          action: "account.viewed_unmasked",
          origin: { ip: null, requestId: null },
          accountId,
        });
      }
    });

    for (const [actor, id] of [
      ["stf_twin_b", "stf_twin_b"],
      ["twin.b", "stf_twin_b"],
      ["key_twin", "key_twin"],
    ] as const) {
      const page = await list({ actor });
      expect(
        page.items.map((e) => e.actor.id),
        actor,
      ).toEqual([id]);
    }
    for (const [account, id] of [
      ["acc_twin_b", "acc_twin_b"],
      ["twin.b", "acc_twin_b"],
      ["acc_twin_a", "acc_twin_a"],
    ] as const) {
      const page = await list({ account });
      expect(new Set(page.items.map((e) => e.accountId)), account).toEqual(new Set([id]));
    }
  });

  it("names each event's account beside its id", async () => {
    const page = await list({});
    const onMaria = page.items.filter((e) => e.accountId === maria);
    expect(onMaria.length).toBeGreaterThan(0);
    for (const e of onMaria) expect(e.account).toEqual({ id: maria, username: "maria.lopez" });
    for (const e of page.items.filter((e) => e.accountId === null)) expect(e.account).toBeNull();
  });
});

describe("the export stays as it was", () => {
  it("has the same NDJSON fields as before, without the account's username", async () => {
    const res = await t.request("/api/v1/audit-events/export?format=ndjson&account=maria.lopez", { cookie: sam });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const listed = (await list({ accountId: maria })).items;
    expect(lines).toHaveLength(listed.length);
    for (const line of lines) expect(Object.keys(line)).not.toContain("account");
    expect(lines).toEqual(listed.map(({ account: _account, ...event }) => event));
  });

  it("has the same CSV columns", async () => {
    const res = await t.request("/api/v1/audit-events/export?format=csv&actor=ava.agent", { cookie: sam });
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header?.length).toBe(15);
    expect(header).not.toContain("account_username");
    expect(rows.length).toBe((await list({ actorId: avaId })).items.length);
  });
});
