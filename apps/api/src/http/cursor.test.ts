import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountByUsername } from "../test/accounts.ts";
import { answerOf, createTestContext, type TestContext } from "../test/context.ts";
import { verifyByCode } from "../test/verify.ts";

let t: TestContext;
let ava: string;
let sam: string;
/** Every list that pages by cursor: where it is, who may read it, and a cursor it gave out. */
let lists: Array<{ path: string; cookie: string; cursor: string }>;

const encode = (json: string) => Buffer.from(json, "utf8").toString("base64url");
const membersOf = (cursor: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));

beforeAll(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  const maria = (await accountByUsername(t.database.db, "maria.lopez")).id;
  const ana = (await accountByUsername(t.database.db, "ana.silva")).id;
  const ana1984 = (await accountByUsername(t.database.db, "anasilva1984")).id;
  // Two merges (the first rejected, then proposed again), so the merges list has a second page.
  await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
  const propose = async () =>
    answerOf(
      await t.api(ava).merges.$post({
        json: { survivorId: ana, mergedIds: [ana1984], reason: "Same person, two accounts", caseRef: "CASE-9" },
      }),
      201,
    );
  const first = await propose();
  await t.api(sam).merges[":id"].reject.$post({ param: { id: first.id }, json: { reason: "Proposed again" } });
  await propose();

  lists = [];
  for (const [path, cookie] of [
    ["/api/v1/accounts", ava],
    ["/api/v1/accounts?q=a", ava],
    [`/api/v1/accounts/${maria}/timeline`, ava],
    ["/api/v1/audit-events", sam],
    ["/api/v1/duplicate-clusters", sam],
    ["/api/v1/merges", ava],
  ] as const) {
    const res = await t.request(`${path}${path.includes("?") ? "&" : "?"}limit=1`, { cookie });
    const { nextCursor } = (await res.json()) as { nextCursor: string | null };
    if (!nextCursor) throw new Error(`${path} gave out no cursor`);
    lists.push({ path, cookie, cursor: nextCursor });
  }
});
afterAll(() => t.close());

async function expectRefused(path: string, cookie: string, cursor: string, label: string) {
  const res = await t.request(`${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(cursor)}`, {
    cookie,
  });
  const body = (await res.json()) as { code?: string; errors?: { path: string }[] };
  expect({ status: res.status, code: body.code, paths: body.errors?.map((e) => e.path) }, `${path} ${label}`).toEqual({
    status: 400,
    code: "validation_failed",
    paths: ["query.cursor"],
  });
}

/** Values no member of any page position can hold. */
const UNFIT: Array<[string, string]> = [
  ["NUL", JSON.stringify("\u0000")],
  ["NUL inside", JSON.stringify("maria\u0000")],
  ["lone high surrogate", JSON.stringify("\ud800")],
  ["lone low surrogate", JSON.stringify("x\udfff")],
  ["a fraction", "1.5"],
  ["a huge number", "1e308"],
  ["past a safe integer", "9007199254740993"],
  ["past 64 bits", "18446744073709551616"],
  ["an object", '{"s":1}'],
  ["an array", "[1]"],
  ["null", "null"],
  ["true", "true"],
];

describe("a cursor the list did not give out", () => {
  it("is refused on the accounts list with the cursor from the issue, not a 500", async () => {
    await expectRefused("/api/v1/accounts", ava, "eyJ1IjoiXHUwMDAwIn0", "issue 13");
  });

  it("is refused on every list whichever member holds a value no position holds", async () => {
    for (const { path, cookie, cursor } of lists) {
      const members = membersOf(cursor);
      for (const key of Object.keys(members)) {
        for (const [label, value] of UNFIT) {
          const text = `{${Object.entries(members)
            .map(([k, v]) => `${JSON.stringify(k)}:${k === key ? value : JSON.stringify(v)}`)
            .join(",")}}`;
          await expectRefused(path, cookie, encode(text), `${key}: ${label}`);
        }
        const { [key]: _left, ...rest } = members;
        await expectRefused(path, cookie, encode(JSON.stringify(rest)), `without ${key}`);
        if (typeof members[key] === "string") {
          await expectRefused(path, cookie, encode(JSON.stringify({ ...members, [key]: 5 })), `${key} a number`);
        } else {
          await expectRefused(path, cookie, encode(JSON.stringify({ ...members, [key]: "5" })), `${key} a string`);
        }
      }
      const proto = `${JSON.stringify(members).slice(0, -1)},"__proto__":{"polluted":"yes"}}`;
      await expectRefused(path, cookie, encode(proto), "with __proto__");
      await expectRefused(path, cookie, encode(JSON.stringify({ ...members, extra: 1 })), "with a member too many");
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("is refused on every list when it is not base64url of a JSON object", async () => {
    const junk: Array<[string, string]> = [
      ["percent signs", "%%%"],
      ["padding", `${lists[0]?.cursor}==`],
      ["standard base64", "eyJ1Ijoi+/8ifQ"],
      ["a space", "eyJ1 IjoiYSJ9"],
      ["not JSON", encode("not json")],
      ["cut short JSON", encode('{"u":')],
      ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x75, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]).toString("base64url")],
      ["an array", encode("[]")],
      ["a string", encode('"a"')],
      ["a number", encode("0")],
      ["null", encode("null")],
      ["an empty object", encode("{}")],
      ["deeply nested", encode(`${'{"a":'.repeat(60)}1${"}".repeat(60)}`)],
    ];
    for (const { path, cookie } of lists) {
      for (const [label, cursor] of junk) await expectRefused(path, cookie, cursor, label);
    }
  });

  it("is refused when a number is out of the list's range or a time is not a real moment", async () => {
    const byPath = (prefix: string) => lists.find((l) => l.path.startsWith(prefix)) as (typeof lists)[number];
    const search = byPath("/api/v1/accounts?q");
    for (const o of [-1, 1001, 2 ** 31]) {
      await expectRefused(search.path, ava, encode(JSON.stringify({ ...membersOf(search.cursor), o })), `o ${o}`);
    }
    for (const prefix of ["/api/v1/audit-events", "/api/v1/accounts/acc"]) {
      const list = byPath(prefix);
      for (const s of [0, -1]) {
        await expectRefused(list.path, list.cookie, encode(JSON.stringify({ ...membersOf(list.cursor), s })), `s ${s}`);
      }
    }
    const clusters = byPath("/api/v1/duplicate-clusters");
    for (const n of [1, 2 ** 31]) {
      const cursor = encode(JSON.stringify({ ...membersOf(clusters.cursor), n }));
      await expectRefused(clusters.path, sam, cursor, `n ${n}`);
    }
    const merges = byPath("/api/v1/merges");
    for (const time of [
      "yesterday",
      "2026-02-30T00:00:00.000Z",
      "2026-11-23T25:00:00.000Z",
      "2026-11-23",
      "0000-01-01T00:00:00.000Z",
      "-271821-04-20T00:00:00.000Z",
      "+275760-09-13T00:00:00.000Z",
      "2026-11-23T14:05:00.000+02:00",
    ]) {
      await expectRefused(merges.path, ava, encode(JSON.stringify({ ...membersOf(merges.cursor), t: time })), time);
    }
  });

  it("is refused before the account of a timeline is looked for", async () => {
    await expectRefused("/api/v1/accounts/acc_nobody/timeline", ava, "eyJ1IjoiXHUwMDAwIn0", "unknown account");
  });
});

describe("a cursor the list gave out", () => {
  it("pages on every list, and one edited to another real position is taken", async () => {
    for (const { path, cookie, cursor } of lists) {
      const res = await t.request(`${path}${path.includes("?") ? "&" : "?"}limit=1&cursor=${cursor}`, { cookie });
      expect(res.status, path).toBe(200);
      expect(((await res.json()) as { items: unknown[] }).items.length, path).toBe(1);
    }
    const accounts = await t.api(ava).accounts.$get({ query: { limit: "1", cursor: encode('{"u":"maria.lopez"}') } });
    const [next] = (await answerOf(accounts, 200)).items;
    expect((next?.username ?? "") > "maria.lopez").toBe(true);
  });
});
