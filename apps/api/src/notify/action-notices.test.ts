import { asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AuditEventRow, accounts, notices, outbox, reportTokens } from "../db/schema/index.ts";
import { webhookPayload } from "../features/webhooks/queue.ts";
import { accountByUsername, personaIds } from "../test/accounts.ts";
import { eventsOf } from "../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../test/verify.ts";
import { sendDueNotices } from "./notice-deliverer.ts";
import { reportTokenHash } from "./notices.ts";

/** Every recovery action tells the owner at each verified channel, in the action's own transaction. */

const PUBLIC_URL = "https://desk.example";
const LINK = new RegExp(`${PUBLIC_URL.replaceAll(".", "\\.")}/report/([A-Za-z0-9_-]{43}) `);

let t: TestContext;
let ava: string;
let sam: string;
let id: (username: string) => string;

beforeEach(async () => {
  t = await createTestContext({ publicUrl: PUBLIC_URL });
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  id = await personaIds(t.database.db);
});
afterEach(() => t.close());

const act = (username: string, action: string, body: unknown) =>
  t.request(`/api/v1/accounts/${id(username)}/${action}`, { cookie: ava, body });
const verifyMaria = () => verifyByQuestions(t, ava, id("maria.lopez"), ["Biscuit", "San Antonio"], "CASE-7");
const verifyTom = () => verifyByCode(t, ava, id("tom.becker"), "otp_email", "tom.becker@example.com");

const noticesOf = (username: string) =>
  t.database.db
    .select()
    .from(notices)
    .where(eq(notices.accountId, id(username)))
    .orderBy(asc(notices.channel));

/**
 * Checks the notices queued for `username`: one per channel in `channels`, in `language`, telling
 * of `action`, each with its own report link whose token only the notice holds (its hash is stored).
 */
async function expectNotices(username: string, action: string, channels: string[], language: string) {
  const rows = await noticesOf(username);
  expect(rows.map((r) => [r.channel, r.kind, r.action, r.language, r.status])).toEqual(
    channels.map((channel) => [channel, "notice", action, language, "pending"]),
  );
  const tokens = await t.database.db
    .select()
    .from(reportTokens)
    .where(eq(reportTokens.accountId, id(username)));
  expect(tokens).toHaveLength(channels.length);
  for (const row of rows) {
    const token = LINK.exec(row.body ?? "")?.[1];
    expect(token, `a report link in ${row.body}`).toBeDefined();
    const stored = tokens.find((k) => k.id === row.reportTokenId);
    expect(stored?.tokenHash).toBe(reportTokenHash(token as string));
    expect(JSON.stringify(tokens)).not.toContain(token);
  }
  return rows;
}

/** The event's details say where notices went, masked: never a full address, never a link. */
function expectNotifiedIn(event: AuditEventRow | undefined, channels: string[]) {
  expect(event?.details).toMatchObject({ notified: channels, notifiedTo: channels.map(() => expect.any(String)) });
  const text = JSON.stringify(event?.details);
  expect(text).not.toMatch(/[a-z0-9]@example|\+1\d{10}|\/report\//);
}

describe("notices of recovery actions", () => {
  it("tell Maria of her unlock in Spanish, at her email and her phone, each with its own report link", async () => {
    await verifyMaria();
    expect((await act("maria.lopez", "unlock", { reason: "Caller locked out" })).status).toBe(200);
    const rows = await expectNotices("maria.lopez", "account.unlocked", ["email", "sms"], "es");
    expect(rows.map((r) => r.recipient)).toEqual(["maria.lopez@example.com", "+12175550142"]);
    expect(rows[0]?.body).toContain("desbloqueó su cuenta (caso CASE-7)");
    expect(rows[0]?.body).toContain("Si fue usted, no tiene que hacer nada.");
    expectNotifiedIn((await eventsOf(t.database.db, "account.unlocked")).at(-1), ["email", "sms"]);

    // Queued, not sent: the deliverer sends them, and then the body (with the link) is gone.
    expect(await t.database.db.select().from(outbox).where(eq(outbox.kind, "notice"))).toEqual([]);
    expect(await sendDueNotices(t.deps)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    const sent = await t.database.db.select().from(outbox).where(eq(outbox.kind, "notice"));
    expect(sent.map((m) => [m.channel, m.language, LINK.test(m.body)])).toEqual(
      expect.arrayContaining([
        ["email", "es", true],
        ["sms", "es", true],
      ]),
    );
    expect((await noticesOf("maria.lopez")).map((r) => [r.status, r.body, r.attempts])).toEqual([
      ["sent", null, 1],
      ["sent", null, 1],
    ]);
  });

  it("stay out of webhook payloads: where notices went is not a fact a receiver gets", async () => {
    await verifyMaria();
    await act("maria.lopez", "unlock", { reason: "Caller locked out" });
    const event = (await eventsOf(t.database.db, "account.unlocked")).at(-1) as AuditEventRow;
    expect(event.details).toHaveProperty("notifiedTo");
    const { data } = webhookPayload("account.unlocked", event);
    expect(Object.keys(data)).not.toEqual(expect.arrayContaining(["notified"]));
    expect(Object.keys(data)).not.toEqual(expect.arrayContaining(["notifiedTo"]));
  });

  it("tell Tom of his reactivation in English at his verified email only", async () => {
    await verifyTom();
    expect((await act("tom.becker", "reactivate", { reason: "Back from abroad" })).status).toBe(200);
    const [notice] = await expectNotices("tom.becker", "account.reactivated", ["email"], "en");
    expect(notice?.body).toContain("USPS phone support reactivated your account");
    expectNotifiedIn((await eventsOf(t.database.db, "account.reactivated")).at(-1), ["email"]);
  });

  it("tell Kim of a temporary password at every verified channel, while the password itself went at once", async () => {
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_sms", "+15035550178");
    await verifyByQuestions(t, ava, id("kim.nguyen"), ["Mrs. Park", "Oak Avenue"]);
    const res = await t.api(ava).accounts[":id"]["temporary-password"].$post({
      param: { id: id("kim.nguyen") },
      json: { channel: "sms", reason: "Forgot password" },
    });
    await answerOf(res, 202);
    const [password] = await t.database.db.select().from(outbox).where(eq(outbox.kind, "temporary_password"));
    expect(password).toMatchObject({ recipient: "+15035550178", language: "en" });
    const rows = await expectNotices("kim.nguyen", "account.temporary_password_issued", ["email", "sms"], "en");
    for (const row of rows) expect(row.body).not.toContain(/password is (\S+)/.exec(password?.body ?? "")?.[1]);
    expectNotifiedIn((await eventsOf(t.database.db, "account.temporary_password_issued")).at(-1), ["email", "sms"]);
  });

  it("tell Tom that his username was sent", async () => {
    await verifyTom();
    expect((await act("tom.becker", "username-reminder", { reason: "Forgot username" })).status).toBe(202);
    const [reminder] = await t.database.db.select().from(outbox).where(eq(outbox.kind, "username_reminder"));
    expect(reminder?.body).toContain("tom.becker");
    await expectNotices("tom.becker", "account.username_reminder_sent", ["email"], "en");
    expectNotifiedIn((await eventsOf(t.database.db, "account.username_reminder_sent")).at(-1), ["email"]);
  });

  it("tell every account a merge touches when it completes and when it is undone", async () => {
    await verifyByCode(t, ava, id("ana.silva"), "otp_email", "ana.silva@example.com", "CASE-9");
    const merge = await answerOf(
      await t.api(ava).merges.$post({
        json: { survivorId: id("ana.silva"), mergedIds: [id("anasilva1984")], reason: "Same person" },
      }),
      201,
    );
    expect(await t.database.db.select().from(notices)).toEqual([]);
    await answerOf(
      await t.api(sam).merges[":id"].approve.$post({ param: { id: merge.id }, json: { reason: "Checked" } }),
      200,
    );
    await expectNotices("ana.silva", "merge.completed", ["email"], "en");
    await expectNotices("anasilva1984", "merge.completed", ["email"], "en");
    expectNotifiedIn((await eventsOf(t.database.db, "merge.approved")).at(-1), ["email"]);
    expectNotifiedIn((await eventsOf(t.database.db, "merge.completed")).at(-1), ["email"]);
    await sendDueNotices(t.deps);

    await answerOf(
      await t.api(sam).merges[":id"].undo.$post({ param: { id: merge.id }, json: { reason: "By mistake" } }),
      200,
    );
    for (const username of ["ana.silva", "anasilva1984"]) {
      const undone = (await noticesOf(username)).filter((r) => r.action === "merge.undone");
      expect(undone.map((r) => [r.channel, r.status])).toEqual([["email", "pending"]]);
    }
    const undoneEvents = await eventsOf(t.database.db, "merge.undone");
    expect(undoneEvents).toHaveLength(2);
    for (const event of undoneEvents) expectNotifiedIn(event, ["email"]);
  });

  it("tell an address two accounts of a merge share once", async () => {
    await t.database.db
      .update(accounts)
      .set({ email: "ana.silva@example.com" })
      .where(eq(accounts.id, id("anasilva1984")));
    await verifyByCode(t, ava, id("ana.silva"), "otp_email", "ana.silva@example.com", "CASE-9");
    const merge = await answerOf(
      await t.api(ava).merges.$post({
        json: { survivorId: id("ana.silva"), mergedIds: [id("anasilva1984")], reason: "Same person" },
      }),
      201,
    );
    await answerOf(
      await t.api(sam).merges[":id"].approve.$post({ param: { id: merge.id }, json: { reason: "Checked" } }),
      200,
    );
    await expectNotices("ana.silva", "merge.completed", ["email"], "en");
    expect(await noticesOf("anasilva1984")).toEqual([]);
    expect((await eventsOf(t.database.db, "merge.completed")).at(-1)?.details).toMatchObject({
      notified: [],
      alreadyTold: [expect.any(String)],
    });
  });

  it("are none for an account with no verified channel, and its event says so", async () => {
    await verifyMaria();
    await t.database.db
      .update(accounts)
      .set({ emailVerified: false, phoneVerified: false })
      .where(eq(accounts.id, id("maria.lopez")));
    expect((await act("maria.lopez", "unlock", { reason: "Caller locked out" })).status).toBe(200);
    expect(await noticesOf("maria.lopez")).toEqual([]);
    expect((await eventsOf(t.database.db, "account.unlocked")).at(-1)?.details).toMatchObject({
      notified: [],
      notNotified: "The account has no verified email or phone.",
    });
  });

  it("commit with the action or not at all: when a notice cannot be written, the unlock rolls back", async () => {
    await verifyMaria();
    await t.database.db.execute(sql`alter table notices add constraint refuse_every_notice check (false) not valid`);
    const res = await act("maria.lopez", "unlock", { reason: "Caller locked out" });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await accountByUsername(t.database.db, "maria.lopez")).toMatchObject({
      status: "locked",
      lockKind: "hard",
    });
    expect(await eventsOf(t.database.db, "account.unlocked")).toEqual([]);
    expect(await t.database.db.select().from(reportTokens)).toEqual([]);
  });
});
