import {
  type AccountDetail,
  type AccountSummaryPage,
  type CreatedApiKey,
  type Duplicates,
  normalizeAnswer,
} from "@recovery-desk/shared";
import { asc, count, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accounts, auditEvents, securityQuestions } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { verifySecret } from "../../security/hashing.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { createTestContext, problemOf, type TestContext } from "../../test/context.ts";

let t: TestContext;
let writer: string;
let reader: string;
let agent: string;
let admin: string;
const logLines: string[] = [];

const ANSWERS = ["Guadalajara", "Pepito"];

/** A new customer who lives at Ana Silva's address (two accounts there already). */
const newCustomer = () => ({
  displayName: "Rosalind Quackenbush",
  firstName: "Rosalind",
  lastName: "Quackenbush",
  email: "rosalind.q@example.com",
  emailVerified: true,
  phone: "(217) 555-0199",
  phoneVerified: false,
  language: "es",
  addresses: [
    { kind: "home", line1: "1200 North Main Street", line2: "Apt 4B", city: "Springfield", state: "IL", zip: "62701" },
  ],
  createdAt: "2020-05-01T09:00:00.000Z",
  lastActivityAt: "2026-11-20T08:00:00.000Z",
  securityQuestions: [
    { prompt: "In what city were you born?", answer: ` ${ANSWERS[0]}. ` },
    { prompt: "What was the name of your first pet?", answer: ANSWERS[1] },
  ],
});

const createKey = async (scopes: string[]) => {
  const res = await t.request("/api/v1/api-keys", {
    cookie: admin,
    body: { name: `Sync ${scopes.join(" ")}`, scopes },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as CreatedApiKey).key;
};

const put = (username: string, body: unknown, key = writer) =>
  t.request(`/api/v1/accounts/by-username/${encodeURIComponent(username)}`, {
    method: "PUT",
    body,
    headers: { authorization: `Bearer ${key}` },
  });

const search = async (q: string) => {
  const res = await t.request(`/api/v1/accounts?q=${encodeURIComponent(q)}`, { cookie: agent });
  expect(res.status).toBe(200);
  return ((await res.json()) as AccountSummaryPage).items.map((a) => a.username);
};

const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
const accountCount = async () => (await t.database.db.select({ n: count() }).from(accounts))[0]?.n ?? 0;

// Each test starts from its own copy of the test world, with its own log.
beforeEach(async () => {
  logLines.length = 0;
  t = await createTestContext(
    {},
    { logger: pino({ level: "debug" }, { write: (line: string) => logLines.push(line) }) },
  );
  admin = await t.signIn("ada.admin");
  agent = await t.signIn("ava.agent");
  writer = await createKey(["accounts:write"]);
  reader = await createKey(["accounts:read"]);
});
afterEach(() => t.close());

/** Rosalind Quackenbush, synced as a new account. */
const createRosalind = async () => expect((await put("rosalind.q", newCustomer())).status).toBe(201);

describe("syncing an account from the system of record", () => {
  it("creates a new account: masked, searchable, duplicate-checked and audited at once, answers only hashed", async () => {
    const res = await put("rosalind.q", newCustomer());
    expect(res.status).toBe(201);
    const text = await res.text();
    for (const answer of ANSWERS) expect(text).not.toContain(answer);
    const detail = JSON.parse(text) as AccountDetail;
    expect(detail).toMatchObject({
      username: "rosalind.q",
      displayName: "Rosalind Quackenbush",
      status: "active",
      emailMasked: expect.stringContaining("•"),
      phoneMasked: "•••-•••-0199",
      contactMasked: true,
      verification: null,
      city: "Springfield",
      zip5: "62701",
      duplicateCandidates: 2,
      createdAt: "2020-05-01T09:00:00.000Z",
      lastActivityAt: "2026-11-20T08:00:00.000Z",
      channels: { email: { verified: true }, phone: { verified: false } },
      securityQuestions: [
        { prompt: "In what city were you born?" },
        { prompt: "What was the name of your first pet?" },
      ],
    });
    expect(detail.addresses).toEqual([expect.objectContaining({ kind: "home", masked: true, line2: "Apt 4B" })]);
    expect(text).not.toContain("rosalind.q@example.com");

    // Search finds it by name (with a typo), by street, by phone written another way.
    expect(await search("Rosalind Quakenbush")).toContain("rosalind.q");
    expect(await search("1200 N Main St")).toContain("rosalind.q");
    expect(await search("217-555-0199")).toEqual(["rosalind.q"]);

    // It is one of the Ana Silva duplicates, and they now count it.
    const dup = await t.request(`/api/v1/accounts/${detail.id}/duplicates`, { cookie: agent });
    const duplicates = (await dup.json()) as Duplicates;
    expect(duplicates.candidates.map((c) => c.account.username).sort()).toEqual(["ana.silva", "anasilva1984"]);
    const anaRow = await accountByUsername(t.database.db, "ana.silva");
    const anaDetail = (await (
      await t.request(`/api/v1/accounts/${anaRow.id}`, { cookie: agent })
    ).json()) as AccountDetail;
    expect(anaDetail.duplicateCandidates).toBe(2);

    const row = await accountByUsername(t.database.db, "rosalind.q");
    expect(row).toMatchObject({
      phone: "+12175550199",
      language: "es",
      nameSearch: "rosalind quackenbush",
      emailChangedAt: null,
      phoneChangedAt: null,
    });
    const questions = await t.database.db
      .select()
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, row.id))
      .orderBy(asc(securityQuestions.position));
    expect(questions.map((q) => q.answerHash)).toEqual([
      expect.stringMatching(/^\$argon2id\$/),
      expect.stringMatching(/^\$argon2id\$/),
    ]);
    expect(await verifySecret(questions[0]?.answerHash ?? "", normalizeAnswer("guadalajara"))).toBe(true);
    expect(await verifySecret(questions[1]?.answerHash ?? "", normalizeAnswer("pepito"))).toBe(true);

    const [created] = await eventsOf(t.database.db, "account.created");
    expect(created).toMatchObject({ accountId: row.id, actorType: "api_key", actorName: "Sync accounts:write" });
    expect(JSON.stringify(created)).not.toMatch(/Guadalajara|Pepito|guadalajara|pepito/);
  });

  it("updates by username: a sync that changes nothing writes nothing; a changed email or phone records when", async () => {
    await createRosalind();
    const before = await accountByUsername(t.database.db, "rosalind.q");
    const events = await auditCount();
    const { securityQuestions: _, ...withoutQuestions } = newCustomer();

    const same = await put("Rosalind.Q", withoutQuestions);
    expect(same.status).toBe(200);
    expect(((await same.json()) as AccountDetail).id).toBe(before.id);
    expect(await auditCount()).toBe(events);
    expect(await accountByUsername(t.database.db, "rosalind.q")).toEqual(before);

    t.clock.advance(5 * MINUTE);
    const changedAt = t.clock.now();
    const moved = await put("rosalind.q", {
      ...withoutQuestions,
      email: "ROSALIND.Q@example.com",
      phone: "+1 217 555 0142",
      firstName: "Rosa",
      displayName: "Rosa Quackenbush",
      addresses: [{ kind: "home", line1: "500 Oak Avenue", city: "Portland", state: "Oregon", zip: "97201-1234" }],
    });
    expect(moved.status).toBe(200);
    const detail = (await moved.json()) as AccountDetail;
    expect(detail).toMatchObject({ displayName: "Rosa Quackenbush", city: "Portland", state: "OR", zip5: "97201" });
    expect(detail.duplicateCandidates).toBe(0);
    const after = await accountByUsername(t.database.db, "rosalind.q");
    // The email only changed case: the same address, so no change is recorded.
    expect(after).toMatchObject({ emailChangedAt: null, phoneChangedAt: changedAt, phone: "+12175550142" });
    const [updated] = (await eventsOf(t.database.db, "account.updated")).slice(-1);
    expect(updated).toMatchObject({ accountId: before.id, actorType: "api_key" });
    expect(updated?.details).toEqual({ changed: ["firstName", "displayName", "phone", "addresses"] });

    // Search sees the new name and address at once, and no longer the old ones.
    expect(await search("Rosa Quackenbush")).toContain("rosalind.q");
    expect(await search("500 Oak Ave")).toContain("rosalind.q");
    expect(await search("1200 N Main St")).not.toContain("rosalind.q");

    t.clock.advance(MINUTE);
    await put("rosalind.q", { ...withoutQuestions, email: "rosa@example.org", phone: "+1 217 555 0142" });
    expect(await accountByUsername(t.database.db, "rosalind.q")).toMatchObject({
      emailChangedAt: t.clock.now(),
      phoneChangedAt: changedAt,
    });
  });

  it("keeps the questions when they are left out, replaces them when sent, removes them for an empty list", async () => {
    await createRosalind();
    const { id } = await accountByUsername(t.database.db, "rosalind.q");
    const questionsOf = () =>
      t.database.db
        .select()
        .from(securityQuestions)
        .where(eq(securityQuestions.accountId, id))
        .orderBy(asc(securityQuestions.position));
    const kept = await questionsOf();
    expect(kept).toHaveLength(2);

    const replaced = await put("rosalind.q", {
      ...newCustomer(),
      securityQuestions: [{ prompt: "What high school did you attend?", answer: "Lincoln High" }],
    });
    expect(replaced.status).toBe(200);
    expect(await replaced.text()).not.toContain("Lincoln");
    const now = await questionsOf();
    expect(now.map((q) => [q.id, q.prompt])).toEqual([[kept[0]?.id, "What high school did you attend?"]]);
    expect(await verifySecret(now[0]?.answerHash ?? "", normalizeAnswer("lincoln high"))).toBe(true);

    expect((await put("rosalind.q", { ...newCustomer(), securityQuestions: [] })).status).toBe(200);
    expect(await questionsOf()).toEqual([]);
  });

  it("creates one account when two syncs of a new username arrive at once", async () => {
    const answers = await Promise.all([put("twice.new", newCustomer()), put("twice.new", newCustomer())]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(await t.database.db.select().from(accounts).where(eq(accounts.username, "twice.new"))).toHaveLength(1);
  });

  it("refuses bad input with a problem per field and writes nothing", async () => {
    const accountsBefore = await accountCount();
    const eventsBefore = await auditCount();
    const res = await put("bad.input", {
      ...newCustomer(),
      firstName: "",
      email: "not an email",
      phone: "call me maybe",
      language: "English",
      addresses: [{ kind: "home", line1: "1 Elm St", city: "Springfield", state: "Narnia", zip: "123" }],
      securityQuestions: [{ prompt: "Favourite colour?", answer: "..." }],
    });
    const problem = await problemOf(res, 400);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(
      [
        "json.firstName",
        "json.email",
        "json.phone",
        "json.language",
        "json.addresses.0.state",
        "json.addresses.0.zip",
        "json.securityQuestions.0.answer",
      ].sort(),
    );
    expect(JSON.stringify(problem)).not.toContain("Guadalajara");
    expect((await problemOf(await put("has space", newCustomer()), 400)).errors?.[0]?.path).toBe("param.username");
    expect(await accountCount()).toBe(accountsBefore);
    expect(await auditCount()).toBe(eventsBefore);
  });

  it("is for keys with accounts:write only", async () => {
    expect((await problemOf(await put("someone.new", newCustomer(), reader), 403)).code).toBe("forbidden");
    const asAdmin = await t.request("/api/v1/accounts/by-username/someone.new", {
      method: "PUT",
      body: newCustomer(),
      cookie: admin,
    });
    expect((await problemOf(asAdmin, 403)).code).toBe("forbidden");
    const anonymous = await t.request("/api/v1/accounts/by-username/someone.new", {
      method: "PUT",
      body: newCustomer(),
    });
    await problemOf(anonymous, 401);
    expect(await t.database.db.select().from(accounts).where(eq(accounts.username, "someone.new"))).toEqual([]);
  });

  it("never writes an answer to the log", async () => {
    await createRosalind();
    const replaced = await put("rosalind.q", {
      ...newCustomer(),
      securityQuestions: [{ prompt: "What high school did you attend?", answer: "Lincoln High" }],
    });
    expect(replaced.status).toBe(200);
    const log = logLines.join("\n");
    expect(log).toContain("by-username");
    for (const answer of [...ANSWERS, "Lincoln"]) expect(log.toLowerCase()).not.toContain(answer.toLowerCase());
  });
});

describe("an install with no accounts", () => {
  it("says so on every search, until the first account is synced", async () => {
    const empty = await createTestContext();
    try {
      await empty.database.db.execute(sql`truncate accounts cascade`);
      const cookie = await empty.signIn("ava.agent");
      const searchEmpty = async (query: string) => {
        const res = await empty.request(`/api/v1/accounts${query}`, { cookie });
        expect(res.status).toBe(200);
        return (await res.json()) as AccountSummaryPage;
      };
      expect(await searchEmpty("?q=maria")).toEqual({ items: [], nextCursor: null, accountsLoaded: false });
      expect(await searchEmpty("?q=62701")).toMatchObject({ accountsLoaded: false });
      expect(await searchEmpty("")).toMatchObject({ items: [], accountsLoaded: false });

      const adminCookie = await empty.signIn("ada.admin");
      const created = await empty.request("/api/v1/api-keys", {
        cookie: adminCookie,
        body: { name: "System of record", scopes: ["accounts:write"] },
      });
      const key = ((await created.json()) as CreatedApiKey).key;
      const res = await empty.request("/api/v1/accounts/by-username/rosalind.q", {
        method: "PUT",
        body: newCustomer(),
        headers: { authorization: `Bearer ${key}` },
      });
      expect(res.status).toBe(201);
      expect(await searchEmpty("?q=maria")).toEqual({ items: [], nextCursor: null, accountsLoaded: true });
      expect(await searchEmpty("?q=rosalind")).toMatchObject({
        items: [{ username: "rosalind.q" }],
        accountsLoaded: true,
      });
    } finally {
      await empty.close();
    }
  });
});
