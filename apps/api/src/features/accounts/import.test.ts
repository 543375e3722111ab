import type { AccountImportResult, CreatedApiKey } from "@recovery-desk/shared";
import { count, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../audit/append.ts";
import { accounts, addresses, auditEvents, securityQuestions } from "../../db/schema/index.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { type ImportOptions, importAccounts, type Rejection } from "./import.ts";
import { ImportFileError, readCsv, readNdjson } from "./import-formats.ts";

let t: TestContext;
let writer: string;
let reader: string;

/** One account record of the import, `n` telling them apart. */
const recordOf = (n: number, extra: Record<string, unknown> = {}) => ({
  username: `imported.${n}`,
  displayName: `Imogen Portwright${n}`,
  firstName: "Imogen",
  lastName: `Portwright${n}`,
  email: `imogen.${n}@example.com`,
  emailVerified: true,
  phone: null,
  phoneVerified: false,
  language: "en",
  addresses: [{ kind: "home", line1: `${100 + n} Harbor Road`, city: "Portland", state: "Maine", zip: "04101" }],
  ...extra,
});
const ndjson = (records: unknown[]) => records.map((r) => `${JSON.stringify(r)}\n`).join("");

const withAnswers = (n: number) =>
  recordOf(n, {
    securityQuestions: [
      { prompt: "In what city were you born?", answer: `Lisbon ${n}` },
      { prompt: "What was the name of your first pet?", answer: "Pickles" },
    ],
  });

/** Imports text through the same path the command takes, in batches of `batchSize`. */
async function importText(text: string, format: "ndjson" | "csv" = "ndjson", batchSize = 500) {
  const rejected: Rejection[] = [];
  const options: ImportOptions = {
    actor: { ...SYSTEM_ACTOR, name: "accounts:import command" },
    origin: { requestId: null, ip: null },
    now: () => t.clock.now(),
    batchSize,
    onRejected: (r) => {
      rejected.push(r);
    },
  };
  // Split into small chunks, so lines cross chunk boundaries as they do when read from a file.
  const chunks = text.match(/[\s\S]{1,37}/g) ?? [];
  const counts = await importAccounts(
    t.database.db,
    (format === "csv" ? readCsv : readNdjson)(chunks.map((c) => Buffer.from(c))),
    options,
  );
  return { ...counts, rejectedLines: rejected };
}

const importedCount = async () =>
  (await t.database.db.select({ n: count() }).from(accounts).where(like(accounts.username, "imported.%")))[0]?.n ?? 0;
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;

beforeAll(async () => {
  t = await createTestContext();
  const admin = await t.signIn("ada.admin");
  const createKey = async (scopes: string[]) => {
    const res = await t.request("/api/v1/api-keys", { cookie: admin, body: { name: `Import ${scopes[0]}`, scopes } });
    return ((await res.json()) as CreatedApiKey).key;
  };
  writer = await createKey(["accounts:write"]);
  reader = await createKey(["accounts:read"]);
});
afterAll(() => t.close());

describe("importing accounts", () => {
  it("imports NDJSON in batches: accounts searchable at once, answers hashed, each creation audited", async () => {
    const events = await auditCount();
    const result = await importText(ndjson([withAnswers(1), recordOf(2), recordOf(3)]), "ndjson", 2);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    expect(await auditCount()).toBe(events + 3);

    const row = await accountByUsername(t.database.db, "imported.1");
    expect(row.nameSearch).toBe("imogen portwright1");
    const [address] = await t.database.db.select().from(addresses).where(eq(addresses.accountId, row.id));
    expect(address).toMatchObject({ state: "ME", zip5: "04101" });
    const questions = await t.database.db
      .select()
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, row.id));
    expect(questions.map((q) => q.answerHash)).toEqual([
      expect.stringMatching(/^\$argon2id\$/),
      expect.stringMatching(/^\$argon2id\$/),
    ]);
  });

  it("imports CSV: quoted cells, yes/no flags, empty cells as absent", async () => {
    const csv = [
      "username,displayName,firstName,lastName,email,emailVerified,phone,phoneVerified,language,home.line1,home.line2,home.city,home.state,home.zip,question1.prompt,question1.answer",
      'imported.csv1,"Portwright, Imogen",Imogen,Portwright,imogen.csv@example.com,yes,(207) 555-0100,no,fr-CA,"12 ""Old"" Harbor Road",,Portland,ME,04101-1234,In what city were you born?,Lisbon',
      "imported.csv2,Ivo Portwright,Ivo,Portwright,,no,,no,,7 Quay Street,Unit 2,Portland,ME,04101,,",
      "",
    ].join("\r\n");
    const result = await importText(csv, "csv");
    expect(result).toMatchObject({ created: 2, rejected: 0 });
    const first = await accountByUsername(t.database.db, "imported.csv1");
    expect(first).toMatchObject({
      displayName: "Portwright, Imogen",
      emailVerified: true,
      phone: "+12075550100",
      phoneVerified: false,
      language: "fr-CA",
    });
    const [address] = await t.database.db.select().from(addresses).where(eq(addresses.accountId, first.id));
    expect(address).toMatchObject({ line1: '12 "Old" Harbor Road', line2: null, zip5: "04101", zip4: "1234" });
    const second = await accountByUsername(t.database.db, "imported.csv2");
    expect(second).toMatchObject({ email: null, phone: null, language: "en" });
    const questions = await t.database.db
      .select()
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, second.id));
    expect(questions).toEqual([]);
  });

  it("refuses a CSV file with a column it does not know before reading a row", async () => {
    await expect(importText("username,nickname\nimported.x,Imo\n", "csv")).rejects.toThrow(ImportFileError);
  });

  it("refuses a CSV file without a header line, not repeating its first record's cells", async () => {
    const error = await importText(
      "imported.y,Ivy Yates,Ivy,Yates,In what city were you born?,Kalamazoo\n",
      "csv",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toContain("not a CSV header");
    expect((error as Error).message).not.toContain("Kalamazoo");
    expect((error as Error).message).not.toContain("imported.y");
  });

  it("reports a refused line by its number and reasons, writes nothing of it, and goes on", async () => {
    const text = [
      JSON.stringify(recordOf(10)),
      "",
      JSON.stringify({
        ...recordOf(11),
        email: "not an email",
        addresses: [{ ...recordOf(11).addresses[0], zip: "9" }],
      }),
      "{ not json",
      JSON.stringify({
        ...recordOf(12),
        username: "has space",
        securityQuestions: [{ prompt: "Pet?", answer: "Rex" }],
      }),
      JSON.stringify(recordOf(13)),
    ].join("\n");
    const result = await importText(text);
    expect(result).toMatchObject({ created: 2, rejected: 3 });
    expect(result.rejectedLines).toEqual([
      {
        line: 3,
        errors: [
          { path: "email", message: expect.any(String) },
          { path: "addresses.0.zip", message: "A ZIP code: 5 digits, or ZIP+4." },
        ],
      },
      { line: 4, errors: [{ path: "", message: "The line is not valid JSON." }] },
      { line: 5, errors: [{ path: "username", message: expect.any(String) }] },
    ]);
    expect(JSON.stringify(result.rejectedLines)).not.toContain("Rex");
    const written = await t.database.db
      .select({ username: accounts.username })
      .from(accounts)
      .where(inArray(accounts.username, ["imported.10", "imported.11", "has space", "imported.12", "imported.13"]));
    expect(written.map((w) => w.username).sort()).toEqual(["imported.10", "imported.13"]);
  });

  it("is idempotent by username: the same file again writes nothing, a changed line updates only its account", async () => {
    const file = [withAnswers(20), recordOf(21), recordOf(22)];
    expect(await importText(ndjson(file))).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const row = await accountByUsername(t.database.db, "imported.20");
    const hashes = async () =>
      (await t.database.db.select().from(securityQuestions).where(eq(securityQuestions.accountId, row.id))).map(
        (q) => q.answerHash,
      );
    const before = await hashes();
    const events = await auditCount();

    expect(await importText(ndjson(file))).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await auditCount()).toBe(events);
    expect(await hashes()).toEqual(before);

    const changed = [withAnswers(20), { ...recordOf(21), email: "imogen.new@example.com" }, recordOf(22)];
    expect(await importText(ndjson(changed))).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await auditCount()).toBe(events + 1);
    expect((await accountByUsername(t.database.db, "imported.21")).emailChangedAt).not.toBeNull();

    // A new answer to the same question is a change: hashed afresh.
    const answered = {
      ...withAnswers(20),
      securityQuestions: [{ prompt: "In what city were you born?", answer: "Porto" }],
    };
    expect(await importText(ndjson([answered]))).toMatchObject({ updated: 1 });
    expect(await hashes()).toHaveLength(1);
  });

  it("resumes after an interruption: half the file, then all of it — no duplicates, nothing lost", async () => {
    const file = Array.from({ length: 40 }, (_, i) => recordOf(100 + i));
    const before = await importedCount();
    expect(await importText(ndjson(file.slice(0, 20)), "ndjson", 7)).toMatchObject({ created: 20 });
    expect(await importText(ndjson(file), "ndjson", 7)).toMatchObject({ created: 20, unchanged: 20, updated: 0 });
    expect(await importedCount()).toBe(before + 40);
  });

  it("takes the later of two lines for the same username", async () => {
    const result = await importText(ndjson([recordOf(200), { ...recordOf(200), language: "es" }]));
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect((await accountByUsername(t.database.db, "imported.200")).language).toBe("es");
  });
});

describe("POST /accounts/import", () => {
  const post = (body: string, key = writer, type = "application/x-ndjson", headers: Record<string, string> = {}) =>
    t.request("/api/v1/accounts/import", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${key}`, "content-type": type, ...headers },
    });

  it("imports a body beyond the API's 64 KB limit and answers what it did, line numbers from 1", async () => {
    const records = Array.from({ length: 400 }, (_, i) => recordOf(1000 + i));
    const body = `${ndjson(records)}{"username":"imported.bad"}\n`;
    expect(body.length).toBeGreaterThan(64 * 1024);
    const res = await post(body);
    expect(res.status).toBe(200);
    const result = (await res.json()) as AccountImportResult;
    expect(result).toMatchObject({ created: 400, updated: 0, unchanged: 0, rejectedCount: 1 });
    expect(result.rejected).toEqual([
      { line: 401, errors: expect.arrayContaining([{ path: "displayName", message: expect.any(String) }]) },
    ]);

    const again = (await (await post(body)).json()) as AccountImportResult;
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 400, rejectedCount: 1 });
  });

  it("reads a body sent in chunks as it arrives, and refuses one declared over 100 MB before reading it", async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${JSON.stringify(recordOf(3000 + i))}\n`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = lines.splice(0, 7);
        if (next.length === 0) controller.close();
        else controller.enqueue(new TextEncoder().encode(next.join("")));
      },
    });
    const res = await t.app.request("/api/v1/accounts/import", {
      method: "POST",
      body,
      duplex: "half",
      headers: { authorization: `Bearer ${writer}`, "content-type": "application/x-ndjson" },
    } as RequestInit);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 300, rejectedCount: 0 });

    const huge = await post(ndjson([recordOf(4000)]), writer, "application/x-ndjson", {
      "content-length": String(101 * 1024 * 1024),
    });
    expect((await problemOf(huge, 413)).code).toBe("payload_too_large");
    expect(await t.database.db.select().from(accounts).where(eq(accounts.username, "imported.4000"))).toEqual([]);
  });

  it("needs the accounts:write scope and NDJSON", async () => {
    const body = ndjson([recordOf(2000)]);
    expect((await problemOf(await post(body, reader), 403)).code).toBe("forbidden");
    await problemOf(
      await t.request("/api/v1/accounts/import", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-ndjson" },
      }),
      401,
    );
    expect((await problemOf(await post(body, writer, "application/json"), 415)).code).toBe("unsupported_media_type");
    const [row] = await t.database.db.select().from(accounts).where(eq(accounts.username, "imported.2000"));
    expect(row).toBeUndefined();
  });
});
