import { normalizeAddress, normalizeAnswer } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../audit/verify.ts";
import { openPglite } from "../db/client.ts";
import { accounts, securityQuestions, staff } from "../db/schema/index.ts";
import { verifySecret } from "../security/hashing.ts";
import { accountByUsername } from "../test/accounts.ts";
import { allEvents } from "../test/audit.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { TEST_GENERATED_ACCOUNTS, TEST_NOW } from "../test/world.ts";
import { generateDemoWorld } from "./generate.ts";
import { loadDemoWorld } from "./load.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("the demo world", () => {
  it("is the same every time it is generated from the seed", () => {
    const a = generateDemoWorld(300);
    const b = generateDemoWorld(300);
    expect(a.accounts).toEqual(b.accounts);
    const draw = (world: typeof a) => {
      const bytes = new Uint8Array(16);
      world.randomBytes(bytes);
      return [...bytes];
    };
    expect(draw(a)).toEqual(draw(b));
  });

  it("has the three staff and the five personas in exactly their states", async () => {
    const people = await t.database.db.select({ username: staff.username, role: staff.role }).from(staff);
    expect(people).toEqual(
      expect.arrayContaining([
        { username: "ava.agent", role: "agent" },
        { username: "sam.supervisor", role: "supervisor" },
        { username: "ada.admin", role: "admin" },
      ]),
    );
    const db = t.database.db;
    expect(await accountByUsername(db, "maria.lopez")).toMatchObject({
      status: "locked",
      lockKind: "hard",
      statusReason: "failed_logins",
      emailVerified: true,
      phoneVerified: true,
      language: "es",
    });
    expect(await accountByUsername(db, "tom.becker")).toMatchObject({
      status: "deactivated",
      statusReason: "inactivity",
      lastActivityAt: new Date("2021-03-14T16:20:00.000Z"),
      emailVerified: true,
      phoneVerified: false,
      language: "en",
    });
    expect(await accountByUsername(db, "ana.silva")).toMatchObject({ status: "active", emailVerified: true });
    expect(await accountByUsername(db, "anasilva1984")).toMatchObject({ status: "active", emailVerified: true });
    expect(await accountByUsername(db, "kim.nguyen")).toMatchObject({
      status: "active",
      emailVerified: true,
      phoneVerified: true,
    });
  });

  it("records how the personas got their states, in order, on an intact chain", async () => {
    const maria = await accountByUsername(t.database.db, "maria.lopez");
    const tom = await accountByUsername(t.database.db, "tom.becker");
    const events = await allEvents(t.database.db);
    const ofMaria = events.filter((e) => e.accountId === maria.id);
    expect(ofMaria.map((e) => [e.action, e.details.lockKind])).toEqual([
      ["account.locked", "temporary"],
      ["account.locked", "temporary"],
      ["account.locked", "hard"],
    ]);
    expect(events.find((e) => e.accountId === tom.id)).toMatchObject({
      action: "account.deactivated",
      actorType: "system",
      actorName: "inactivity sweep",
    });
    const times = events.map((e) => e.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true });
  });

  it("keeps only argon2id hashes of the normalised answers", async () => {
    const maria = await accountByUsername(t.database.db, "maria.lopez");
    const questions = await t.database.db
      .select()
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, maria.id))
      .orderBy(securityQuestions.position);
    expect(questions.map((q) => q.answerHash)).toEqual([
      expect.stringMatching(/^\$argon2id\$/),
      expect.stringMatching(/^\$argon2id\$/),
    ]);
    expect(await verifySecret(questions[0]?.answerHash ?? "", normalizeAnswer(" biscuit "))).toBe(true);
    expect(await verifySecret(questions[1]?.answerHash ?? "", normalizeAnswer("san  antonio."))).toBe(true);
    expect(await verifySecret(questions[1]?.answerHash ?? "", normalizeAnswer("Austin"))).toBe(false);
  });

  it("puts the two Ana Silva accounts at one normalised address", () => {
    const one = normalizeAddress({
      line1: "1200 N Main Street",
      line2: "Apt 4B",
      city: "Springfield",
      state: "IL",
      zip: "62701",
    });
    const two = normalizeAddress({
      line1: "1200 North Main St #4B",
      city: "Springfield",
      state: "IL",
      zip: "62701-1234",
    });
    expect(one.key).toBe(two.key);
  });

  it("has a realistic share of locked, deactivated and duplicated accounts", async () => {
    const rows = await t.database.db.select({ status: accounts.status }).from(accounts);
    expect(rows.length).toBe(TEST_GENERATED_ACCOUNTS + 5);
    const share = (status: string) => rows.filter((r) => r.status === status).length / rows.length;
    expect(share("locked")).toBeGreaterThan(0.01);
    expect(share("locked")).toBeLessThan(0.06);
    expect(share("deactivated")).toBeGreaterThan(0.02);
    expect(share("deactivated")).toBeLessThan(0.08);
    const world = generateDemoWorld(2000);
    const keys = world.accounts.map((a) => normalizeAddress(a.address).key);
    const duplicated = keys.length - new Set(keys).size;
    expect(duplicated).toBeGreaterThan(10);
  });

  it("loads 2,000 accounts hashing each distinct answer once, and only into an empty database", async () => {
    const database = await openPglite();
    await database.migrate();
    const first = await loadDemoWorld(database.db, TEST_NOW, 2000);
    expect(first).toMatchObject({ loaded: true, accounts: 2005 });
    expect(first.distinctAnswerHashes).toBeLessThan(100);
    expect(await loadDemoWorld(database.db, TEST_NOW, 2000)).toMatchObject({ loaded: false });
    await database.close();
  }, 60_000);
});
