import type { AccountSummary, AccountSummaryPage } from "@recovery-desk/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { answerOf, problemOf, signedInContext, type TestContext } from "../../test/context.ts";
import { planSearch } from "./search.ts";

let t: TestContext;
let cookie: string;
beforeAll(async () => {
  ({ t, cookie } = await signedInContext("ava.agent"));
});
afterAll(() => t.close());

type SearchQuery = Parameters<ReturnType<TestContext["api"]>["accounts"]["$get"]>[0]["query"];
async function search(query: SearchQuery): Promise<AccountSummaryPage> {
  return answerOf(await t.api(cookie).accounts.$get({ query }), 200);
}
const detailOf = async (id: string, caller = cookie) =>
  answerOf(await t.api(caller).accounts[":id"].$get({ param: { id } }), 200);
const detailByUsername = async (username: string) => detailOf((await accountByUsername(t.database.db, username)).id);
const usernames = (page: AccountSummaryPage) => page.items.map((a) => a.username);

describe("finding a caller's account", () => {
  it("finds Maria Lopez by a misspelt name, first", async () => {
    expect(usernames(await search({ q: "Maria Lopes" }))[0]).toBe("maria.lopez");
    expect(usernames(await search({ q: "mria lopez" }))[0]).toBe("maria.lopez");
    expect(usernames(await search({ q: "López" }))).toContain("maria.lopez");
  });

  it.each(["(217) 555-0142", "217-555-0142", "217.555.0142", "+1 217 555 0142", "2175550142", "1 (217) 555 0142"])(
    "finds Maria Lopez by the phone number written as %s",
    async (q) => {
      expect(usernames(await search({ q }))).toEqual(["maria.lopez"]);
    },
  );

  it("finds by a whole email in any letter case, but not by part of one", async () => {
    expect(usernames(await search({ q: "maria.lopez@example.com" }))).toEqual(["maria.lopez"]);
    expect(usernames(await search({ q: "MARIA.LOPEZ@EXAMPLE.COM" }))).toEqual(["maria.lopez"]);
    expect(usernames(await search({ q: "maria.lopez@" }))).toEqual([]);
  });

  it("finds by ZIP code, with or without the +4", async () => {
    for (const q of ["62701", "62701-1234"]) {
      expect(usernames(await search({ q, limit: "200" }))).toEqual(
        expect.arrayContaining(["ana.silva", "anasilva1984"]),
      );
    }
  });

  it("finds by street address despite a typo", async () => {
    expect(usernames(await search({ q: "1200 Mian St" }))).toEqual(
      expect.arrayContaining(["ana.silva", "anasilva1984"]),
    );
    expect(usernames(await search({ q: "742 W Monroe Street" }))[0]).toBe("maria.lopez");
  });

  it("finds by a street without its house number when the caller gives the street's suffix", async () => {
    expect(usernames(await search({ q: "West Monroe Street", limit: "200" }))).toContain("maria.lopez");
  });

  it("finds by the start of a username, the exact one first", async () => {
    expect(usernames(await search({ q: "kim.ng" }))[0]).toBe("kim.nguyen");
    expect(usernames(await search({ q: "ana.silva" }))[0]).toBe("ana.silva");
  });

  it("treats LIKE wildcards in the term as plain characters", async () => {
    expect(usernames(await search({ q: "%" }))).toEqual([]);
    expect(usernames(await search({ q: "_" }))).toEqual([]);
  });

  it("shows contact data masked in every result", async () => {
    const page = await search({ q: "Maria Lopes" });
    const maria = page.items[0] as AccountSummary;
    expect(maria).toMatchObject({
      emailMasked: "m••••@example.com",
      phoneMasked: "•••-•••-0142",
      status: "locked",
      statusReason: "failed_logins",
      city: "Springfield",
      state: "IL",
      zip5: "62704",
    });
    expect(JSON.stringify(page)).not.toContain("maria.lopez@example.com");
    expect(JSON.stringify(page)).not.toContain("5550142");
  });

  it("counts other accounts at the same normalised address as duplicate candidates", async () => {
    const page = await search({ q: "ana.silva" });
    expect(page.items.find((a) => a.username === "ana.silva")?.duplicateCandidates).toBe(1);
    expect((await search({ q: "anasilva1984" })).items[0]?.duplicateCandidates).toBe(1);
    expect((await search({ q: "kim.nguyen" })).items[0]?.duplicateCandidates).toBe(0);
  });

  it("filters by status", async () => {
    const locked = await search({ status: "locked", limit: "200" });
    expect(locked.items.length).toBeGreaterThan(3);
    expect(locked.items.every((a) => a.status === "locked")).toBe(true);
    expect(usernames(locked)).toContain("maria.lopez");
    expect(usernames(await search({ status: "deactivated", limit: "200" }))).toContain("tom.becker");
    expect(usernames(await search({ q: "Maria Lopes", status: "active" }))).not.toContain("maria.lopez");
  });

  it("pages through every account in username order without repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pageNo = 0; pageNo < 3; pageNo++) {
      const page: AccountSummaryPage = await search({ limit: "25", ...(cursor ? { cursor } : {}) });
      seen.push(...usernames(page));
      cursor = page.nextCursor;
      expect(cursor).not.toBeNull();
    }
    expect(new Set(seen).size).toBe(75);
    expect(seen).toEqual([...seen].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it("pages through search results: pages put together equal one big page", async () => {
    const whole = usernames(await search({ q: "Main Street 100", limit: "200" }));
    expect(whole.length).toBeGreaterThan(9);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: AccountSummaryPage = await search({
        q: "Main Street 100",
        limit: "3",
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...usernames(page));
      cursor = page.nextCursor;
    } while (cursor && paged.length < 30);
    expect(paged).toEqual(whole.slice(0, paged.length));
  });

  it.each([
    [{ limit: "0" }, "query.limit"],
    [{ limit: "201" }, "query.limit"],
    [{ limit: "ten" }, "query.limit"],
    [{ status: "frozen" }, "query.status"],
    [{ cursor: "not-a-cursor" }, "query.cursor"],
    [{ q: "x".repeat(201) }, "query.q"],
  ])("refuses %o with a validation problem naming %s", async (params, path) => {
    const res = await t.request(`/api/v1/accounts?${new URLSearchParams(params)}`, { cookie });
    const body = await problemOf(res, 400);
    expect(body.code).toBe("validation_failed");
    expect(body.errors?.map((e) => e.path)).toContain(path);
  });

  it("needs a signed-in agent", async () => {
    const res = await t.api().accounts.$get({ query: { q: "maria" } });
    expect((await problemOf(res, 401)).code).toBe("unauthenticated");
  });
});

describe("which indexes a term is looked for in", () => {
  it("looks for a term without digits as a name and a username, never as a street", () => {
    expect(planSearch("Jammie Baumbach")).toEqual({
      kind: "text",
      prefix: null,
      name: "jammie baumbach",
      street: null,
    });
    expect(planSearch("López")).toMatchObject({ kind: "text", prefix: "lópez", name: "lopez", street: null });
  });

  it("looks for a term that ends with a street suffix as a street too, since it may be a name", () => {
    expect(planSearch("Oak Avenue")).toEqual({ kind: "text", prefix: null, name: "oak avenue", street: "OAK AVE" });
    expect(planSearch("Maria Park")).toMatchObject({ name: "maria park", street: "MARIA PARK" });
    expect(planSearch("Springfield")).toMatchObject({ street: null });
  });

  it("looks for a term with a house number as a street, never as a name", () => {
    expect(planSearch("1200 Mian St")).toEqual({ kind: "text", prefix: null, name: null, street: "1200 MIAN ST" });
    expect(planSearch("anasilva1984")).toMatchObject({ prefix: "anasilva1984", name: null });
  });

  it("answers an email, a phone number and a ZIP code from their own index", () => {
    expect(planSearch("Maria.Lopez@example.com").kind).toBe("email");
    expect(planSearch("(217) 555-0142")).toEqual({ kind: "phone", phone: "+12175550142" });
    expect(planSearch("62701-1234")).toEqual({ kind: "zip", zip5: "62701" });
  });
});

describe("an account in detail", () => {
  it("shows Maria Lopez's hard lock, masked contact data and question prompts, never answers", async () => {
    const detail = await detailByUsername("maria.lopez");
    expect(detail).toMatchObject({
      username: "maria.lopez",
      displayName: "Maria Lopez",
      status: "locked",
      statusReason: "failed_logins",
      lock: { kind: "hard", lockedUntil: null, failedLogins: 5 },
      channels: {
        email: { masked: "m••••@example.com", verified: true },
        phone: { masked: "•••-•••-0142", verified: true },
      },
      addresses: [
        { kind: "home", line1: "••• W Monroe St", city: "Springfield", state: "IL", zip5: "62704", masked: true },
      ],
      securityQuestions: [
        { id: expect.any(String), prompt: "What was the name of your first pet?" },
        { id: expect.any(String), prompt: "In what city were you born?" },
      ],
      verification: null,
    });
    const text = JSON.stringify(detail);
    for (const secret of [
      "Biscuit",
      "biscuit",
      "San Antonio",
      "san antonio",
      "$argon2",
      "maria.lopez@example.com",
      "742 W",
      "2175550142",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("shows Tom Becker deactivated for inactivity with his unverified phone", async () => {
    expect(await detailByUsername("tom.becker")).toMatchObject({
      status: "deactivated",
      statusReason: "inactivity",
      lastActivityAt: "2021-03-14T16:20:00.000Z",
      lock: null,
      channels: { email: { verified: true }, phone: { verified: false } },
    });
  });

  it("shows a temporary lock with its end, and the account active once that time has passed", async () => {
    const [row] = await t.database.db
      .select()
      .from(accounts)
      .where(and(eq(accounts.status, "locked"), eq(accounts.lockKind, "temporary")))
      .limit(1);
    if (!row?.lockedUntil) throw new Error("The test world has no temporary lock");
    const before = await detailOf(row.id);
    expect(before.lock).toMatchObject({ kind: "temporary", lockedUntil: row.lockedUntil.toISOString() });

    t.clock.set(new Date(row.lockedUntil.getTime() + MINUTE));
    const after = await detailOf(row.id, await t.signIn("ava.agent"));
    expect(after).toMatchObject({ status: "active", statusReason: null, lock: null });
  });

  it("answers 404 not_found for an unknown id", async () => {
    const res = await t.api(await t.signIn("ava.agent")).accounts[":id"].$get({ param: { id: "acc_doesnotexist" } });
    expect(await answerOf(res, 404)).toMatchObject({ code: "not_found", status: 404 });
  });
});
