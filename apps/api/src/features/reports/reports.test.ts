import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import { eq, like, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import {
  accounts,
  merges,
  notices,
  rateLimitCounters,
  reportTokens,
  verifications,
  webhookDeliveries,
} from "../../db/schema/index.ts";
import { DAY, HOUR } from "../../lib/clock.ts";
import { reportTokenHash } from "../../notify/notices.ts";
import type { Notifier } from "../../notify/notifier.ts";
import { outboxNotifier } from "../../notify/outbox.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents, eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { mergeAnas, proposeAnas } from "../../test/merges.ts";
import { sendKimTemporaryPassword } from "../../test/temporary-password.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";

let t: TestContext;
let ava: string;
let sam: string;
const ids: Record<string, string> = {};
const id = (username: string) => ids[username] as string;

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext({ reportLimit: { perAddress: 1000, windowMs: HOUR } });
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  for (const u of ["maria.lopez", "kim.nguyen", "ana.silva", "anasilva1984"])
    ids[u] = (await accountByUsername(t.database.db, u)).id;
});
afterEach(() => t.close());

let linkCount = 0;

/** A report link as a notice of `action` on the account would carry; returns its token. */
async function linkFor(
  accountId: string,
  { action = "account.unlocked", caseRef = "CASE-7", channel = "email", ageMs = 0 } = {},
): Promise<string> {
  const token = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
  const createdAt = new Date(t.clock.now().getTime() - ageMs);
  await t.database.db.insert(reportTokens).values({
    id: `rpt_test${linkCount++}`,
    tokenHash: reportTokenHash(token),
    accountId,
    action,
    caseRef,
    channel: channel as "email" | "sms",
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 30 * DAY),
  });
  return token;
}

/** The owner's report, from the client address `ip` (in-process requests have none unless given). */
const report = (body: unknown, ip = "198.51.100.7") =>
  Promise.resolve(
    t.app.request(
      "/api/v1/reports",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      { incoming: { socket: { remoteAddress: ip } } },
    ),
  );

const accountOf = async (username: string) => accountByUsername(t.database.db, username);
const unlockMaria = async (cookie = ava) =>
  t.api(cookie).accounts[":id"].unlock.$post({ param: { id: id("maria.lopez") }, json: { reason: "Caller verified" } });

describe("an owner's report", () => {
  it("freezes the account, closes open windows, records one event with the note and queues the confirmation", async () => {
    await verifyByQuestions(t, ava, id("maria.lopez"), ["Biscuit", "San Antonio"], "CASE-7");
    await answerOf(await unlockMaria(), 200);
    const token = await linkFor(id("maria.lopez"), { channel: "sms" });

    const res = await report({ token, note: "  I never called.  " });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "received" });

    expect(await accountOf("maria.lopez")).toMatchObject({
      status: "locked",
      statusReason: "reported_by_owner",
      lockKind: "hard",
      lockedAt: t.clock.now(),
      lockedUntil: null,
    });
    const [window] = await t.database.db
      .select()
      .from(verifications)
      .where(eq(verifications.accountId, id("maria.lopez")));
    expect(window?.verifiedUntil).toEqual(t.clock.now());

    const reported = await eventsOf(t.database.db, "account.recovery_reported");
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({
      accountId: id("maria.lopez"),
      actorType: "system",
      actorName: "account owner's report",
      caseRef: "CASE-7",
      reason: "I never called.",
      details: {
        from: "active",
        to: "locked",
        frozen: true,
        reportedAction: "account.unlocked",
        reportedCaseRef: "CASE-7",
        reportLinkId: expect.stringMatching(/^rpt_/),
        channel: "sms",
        windowsClosed: 1,
        temporaryCredentialRevoked: false,
        mergesRejected: [],
        notified: ["sms"],
      },
    });
    const [confirmation, ...more] = await t.database.db
      .select()
      .from(notices)
      .where(eq(notices.kind, "report_confirmation"));
    expect(more).toEqual([]);
    expect(confirmation).toMatchObject({
      accountId: id("maria.lopez"),
      channel: "sms",
      recipient: "+12175550142",
      action: "account.unlocked",
      reportTokenId: null,
      status: "pending",
    });
    expect(confirmation?.body).not.toContain("/report/");
    // The token is nowhere but in the link: not in the audit trail, not in the confirmation.
    expect(JSON.stringify(await allEvents(t.database.db))).not.toContain(token);
    expect(JSON.stringify(confirmation)).not.toContain(token);
  });

  it("revokes the temporary password the reported action issued", async () => {
    await sendKimTemporaryPassword(t, ava);
    expect((await accountOf("kim.nguyen")).temporaryPasswordHash).not.toBeNull();

    const token = await linkFor(id("kim.nguyen"), { action: "account.temporary_password_issued" });
    expect((await report({ token })).status).toBe(202);

    expect(await accountOf("kim.nguyen")).toMatchObject({
      status: "locked",
      statusReason: "reported_by_owner",
      temporaryPasswordHash: null,
      temporaryPasswordExpiresAt: null,
    });
    const [event] = await eventsOf(t.database.db, "account.recovery_reported");
    expect(event?.details).toMatchObject({ from: "active", temporaryCredentialRevoked: true, windowsClosed: 1 });
    expect(event?.reason).toBeNull();
  });

  it("rejects a pending merge involving the account, as the system, with a plain reason", async () => {
    const proposed = await proposeAnas(t, ava);
    const token = await linkFor(id("anasilva1984"), { action: "account.username_reminder_sent" });
    expect((await report({ token })).status).toBe(202);

    const [merge] = await t.database.db.select().from(merges).where(eq(merges.id, proposed.id));
    expect(merge).toMatchObject({
      status: "rejected",
      decidedBy: null,
      decidedAt: t.clock.now(),
      decisionReason: "The account's owner reported a recovery they did not ask for.",
    });
    const [rejected] = await eventsOf(t.database.db, "merge.rejected");
    expect(rejected).toMatchObject({ actorType: "system", actorName: "account owner's report" });
    const [event] = await eventsOf(t.database.db, "account.recovery_reported");
    expect(event?.details).toMatchObject({ mergesRejected: [proposed.id] });
    // The survivor's agent can no longer approve it.
    const approve = await t
      .api(sam)
      .merges[":id"].approve.$post({ param: { id: proposed.id }, json: { reason: "ok" } });
    expect(approve.status).toBe(409);
  });

  it("queues the account.recovery_reported webhook from the audit event", async () => {
    const admin = await t.signIn("ada.admin");
    await answerOf(
      await t.api(admin).webhooks.$post({
        json: { url: "https://receiver.example/hooks", events: ["account.recovery_reported"] },
      }),
      201,
    );
    const token = await linkFor(id("maria.lopez"));
    expect((await report({ token, note: "not me" })).status).toBe(202);
    const deliveries = await t.database.db.select().from(webhookDeliveries);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: "account.recovery_reported" });
    const payload = JSON.stringify(deliveries[0]?.payload);
    expect(payload).toContain(id("maria.lopez"));
    expect(payload).not.toContain(token);
    expect(payload).not.toContain("not me");
  });

  it("freezes the account a merged one lives on in, and records it on both", async () => {
    await t.database.db
      .update(accounts)
      .set({ status: "merged", statusReason: "merged", mergedInto: id("ana.silva") })
      .where(eq(accounts.id, id("anasilva1984")));
    const token = await linkFor(id("anasilva1984"), { action: "merge.completed" });
    expect((await report({ token })).status).toBe(202);

    expect(await accountOf("ana.silva")).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });
    expect(await accountOf("anasilva1984")).toMatchObject({ status: "merged", mergedInto: id("ana.silva") });
    const events = await eventsOf(t.database.db, "account.recovery_reported");
    expect(events.map((e) => [e.accountId, e.details.frozen]).sort()).toEqual(
      [
        [id("ana.silva"), true],
        [id("anasilva1984"), false],
      ].sort(),
    );
    expect(events.find((e) => e.accountId === id("ana.silva"))?.details).toMatchObject({
      reportedAccountId: id("anasilva1984"),
    });
    expect(events.find((e) => e.accountId === id("anasilva1984"))?.details).toMatchObject({
      frozenAccountId: id("ana.silva"),
    });
  });

  it("records a report on a closed account without freezing it", async () => {
    await t.database.db
      .update(accounts)
      .set({ status: "closed", statusReason: "closed_by_request" })
      .where(eq(accounts.id, id("kim.nguyen")));
    const token = await linkFor(id("kim.nguyen"));
    expect((await report({ token })).status).toBe(202);
    expect(await accountOf("kim.nguyen")).toMatchObject({ status: "closed", statusReason: "closed_by_request" });
    const [event] = await eventsOf(t.database.db, "account.recovery_reported");
    expect(event?.details).toMatchObject({ frozen: false, accountStatus: "closed" });
  });

  it("records a second report on a frozen account without freezing it twice", async () => {
    // Two notices: of an earlier action, and of the latest.
    const first = await linkFor(id("maria.lopez"), { channel: "email" });
    const second = await linkFor(id("maria.lopez"), { channel: "sms", ageMs: HOUR });
    expect((await report({ token: first })).status).toBe(202);
    expect((await report({ token: second })).status).toBe(202);
    const events = await eventsOf(t.database.db, "account.recovery_reported");
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.details.frozen).sort()).toEqual([false, true]);
    expect(events.filter((e) => "from" in e.details)).toHaveLength(1);
    expect(await accountOf("maria.lopez")).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });
  });
});

describe("a link that does not work", () => {
  it("is the same 404 whether unknown, used or expired, and changes nothing", async () => {
    const used = await linkFor(id("maria.lopez"));
    expect((await report({ token: used })).status).toBe(202);
    const expired = await linkFor(id("kim.nguyen"), { ageMs: 30 * DAY + 1 });
    const unknown = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
    const before = await allEvents(t.database.db);

    const answers = [];
    for (const token of [unknown, used, expired]) {
      const problem = await problemOf(await report({ token }), 404);
      answers.push({ ...problem, requestId: undefined });
    }
    expect(answers[0]).toMatchObject({ code: "not_found", status: 404 });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await allEvents(t.database.db)).toEqual(before);
    expect(await accountOf("kim.nguyen")).toMatchObject({ status: "active" });
    const [link] = await t.database.db
      .select()
      .from(reportTokens)
      .where(eq(reportTokens.tokenHash, reportTokenHash(expired)));
    expect(link?.usedAt).toBeNull();
  });

  it("is used up with the link the same notice carried to the other channel", async () => {
    const sameNotice = { action: "account.unlocked", caseRef: "CASE-7" };
    const byEmail = await linkFor(id("maria.lopez"), { ...sameNotice, channel: "email" });
    const bySms = await linkFor(id("maria.lopez"), { ...sameNotice, channel: "sms" });
    const earlierNotice = await linkFor(id("maria.lopez"), { ...sameNotice, ageMs: HOUR });
    expect((await report({ token: byEmail })).status).toBe(202);
    expect(await problemOf(await report({ token: bySms }), 404)).toMatchObject({ code: "not_found" });
    expect(await eventsOf(t.database.db, "account.recovery_reported")).toHaveLength(1);
    // A notice of another action keeps its own link.
    expect((await report({ token: earlierNotice })).status).toBe(202);
  });

  it("freezes once when two uses of one link arrive at once; the other is 404", async () => {
    const token = await linkFor(id("maria.lopez"));
    const answers = await Promise.all([report({ token }), report({ token }), report({ token })]);
    expect(answers.map((r) => r.status).sort()).toEqual([202, 404, 404]);
    expect(await eventsOf(t.database.db, "account.recovery_reported")).toHaveLength(1);
    expect(await t.database.db.select().from(notices).where(eq(notices.kind, "report_confirmation"))).toHaveLength(1);
  });

  it("leaves the account frozen whichever comes first of a report and an agent's unlock", async () => {
    await verifyByQuestions(t, ava, id("maria.lopez"), ["Biscuit", "San Antonio"], "CASE-7");
    const token = await linkFor(id("maria.lopez"));
    const [unlocked, reported] = await Promise.all([unlockMaria(), report({ token })]);
    expect(reported.status).toBe(202);
    expect([200, 403]).toContain(unlocked.status);
    expect(await accountOf("maria.lopez")).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });
  });

  it.each([
    ["no token", {}],
    ["a token too short", { token: "abc" }],
    ["a token with other characters", { token: "q3Zk9V0xT1b8Yw4Rm2Lp7A!!" }],
    ["a note over 1,000 characters", { token: "q3Zk9V0xT1b8Yw4Rm2Lp7AcV5nH8sD1fG6jK0wE3uYt", note: "x".repeat(1001) }],
    ["a note with a NUL", { token: "q3Zk9V0xT1b8Yw4Rm2Lp7AcV5nH8sD1fG6jK0wE3uYt", note: "a\u0000b" }],
  ])("refuses %s with 400 and writes nothing", async (_label, body) => {
    const before = await allEvents(t.database.db);
    const problem = await problemOf(await report(body), 400);
    expect(problem.code).toBe("validation_failed");
    expect(await allEvents(t.database.db)).toEqual(before);
    expect(
      await t.database.db.select().from(rateLimitCounters).where(like(rateLimitCounters.key, "rate:report:%")),
    ).toEqual([]);
  });
});

describe("the limit per client address", () => {
  it("answers 429 with Retry-After to links that do not work past it; a working link still goes through", async () => {
    await t.close();
    t = await createTestContext({ reportLimit: { perAddress: 2, windowMs: HOUR } });
    const maria = (await accountByUsername(t.database.db, "maria.lopez")).id;
    const unknown = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
    expect((await report({ token: unknown }, "203.0.113.9")).status).toBe(404);
    expect((await report({ token: unknown }, "203.0.113.9")).status).toBe(404);
    const limited = await report({ token: unknown }, "203.0.113.9");
    const problem = await problemOf(limited, 429);
    expect(problem.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address goes on.
    expect((await report({ token: unknown }, "198.51.100.20")).status).toBe(404);
    // An owner behind the same address (a proxy, the customer site) is not shut out by the bad links.
    const token = await linkFor(maria);
    expect((await report({ token }, "203.0.113.9")).status).toBe(202);
    expect((await accountByUsername(t.database.db, "maria.lopez")).statusReason).toBe("reported_by_owner");
  });
});

describe("a report racing a merge", () => {
  it.runIf(inject("testDatabase").kind === "postgres")(
    "freezes the account the reported one was merged into while the report waited for it",
    async () => {
      const source = inject("testDatabase");
      if (source.kind !== "postgres") return;
      const [{ db_name }] = (await t.database.db.execute(sql`select current_database() as db_name`)) as unknown as [
        { db_name: string },
      ];
      const other = postgres(source.adminUrl.replace(/\/[^/]*$/, `/${db_name}`), { max: 1, onnotice: () => {} });
      try {
        const token = await linkFor(id("anasilva1984"), { action: "account.unlocked" });
        let reported: Promise<Response> | undefined;
        await other.begin(async (merge) => {
          // A merge's transaction holds the account it merges away…
          await merge`select id from accounts where id = ${id("anasilva1984")} for update`;
          // …while the report arrives and waits for that row.
          reported = report({ token });
          await new Promise((resolve) => setTimeout(resolve, 300));
          await merge`update accounts set status = 'merged', status_reason = 'merged', lock_kind = null,
                        merged_into = ${id("ana.silva")} where id = ${id("anasilva1984")}`;
        });
        expect((await (reported as Promise<Response>)).status).toBe(202);
        expect(await accountOf("ana.silva")).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });
        expect(await accountOf("anasilva1984")).toMatchObject({ status: "merged", mergedInto: id("ana.silva") });
      } finally {
        await other.end();
      }
    },
  );
});

describe("an account frozen on its owner's report", () => {
  async function freezeMaria() {
    expect((await report({ token: await linkFor(id("maria.lopez")) })).status).toBe(202);
  }

  it("is lifted only by a supervisor, and only after a code", async () => {
    await freezeMaria();
    await verifyByQuestions(t, ava, id("maria.lopez"), ["Biscuit", "San Antonio"], "CASE-8");
    const byAgent = await problemOf(await unlockMaria(ava), 403);
    expect(byAgent).toMatchObject({ code: "forbidden", detail: expect.stringContaining("supervisor") });

    await verifyByQuestions(t, sam, id("maria.lopez"), ["Biscuit", "San Antonio"], "CASE-8");
    const onQuestions = await problemOf(await unlockMaria(sam), 403);
    expect(onQuestions).toMatchObject({
      code: "verification_insufficient",
      required: "code",
      evidence: ["knowledge"],
    });
    expect(await accountOf("maria.lopez")).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });

    await verifyByCode(t, sam, id("maria.lopez"), "otp_email", "maria.lopez@example.com", "CASE-8");
    const lifted = await answerOf(await unlockMaria(sam), 200);
    expect(lifted).toMatchObject({ status: "active", statusReason: null, lock: null });
    const [unlocked] = (await eventsOf(t.database.db, "account.unlocked")).slice(-1);
    expect(unlocked).toMatchObject({ actorName: expect.any(String), details: { liftedReason: "reported_by_owner" } });
  });

  it("refuses every other recovery action with 409 and the reason", async () => {
    const frozenDetail = "The account is frozen on the owner's report; a supervisor must lift it first.";
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_sms", "+15035550178", "CASE-8");
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_email", "kim.nguyen@example.com", "CASE-8");
    expect((await report({ token: await linkFor(id("kim.nguyen")) })).status).toBe(202);
    // The report closed the window: verify again, with both codes.
    t.clock.advance(60_000);
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_sms", "+15035550178", "CASE-8");
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_email", "kim.nguyen@example.com", "CASE-8");
    const kim = { id: id("kim.nguyen") };
    const refusals = [
      await t.api(ava).accounts[":id"]["temporary-password"].$post({
        param: kim,
        json: { channel: "sms", reason: "Forgot" },
      }),
      await t.api(ava).accounts[":id"]["username-reminder"].$post({ param: kim, json: { reason: "Forgot" } }),
      await t.api(ava).accounts[":id"].reactivate.$post({ param: kim, json: { reason: "Wants it back" } }),
    ];
    for (const res of refusals) {
      expect(await problemOf(res, 409)).toMatchObject({ code: "invalid_transition", detail: frozenDetail });
    }
    expect(await accountOf("kim.nguyen")).toMatchObject({
      statusReason: "reported_by_owner",
      temporaryPasswordHash: null,
    });

    await freezeAnaSilva();
    await verifyByCode(t, ava, id("ana.silva"), "otp_email", "ana.silva@example.com", "CASE-9");
    const merge = await t.api(ava).merges.$post({
      json: { survivorId: id("ana.silva"), mergedIds: [id("anasilva1984")], reason: "Same person" },
    });
    expect(await problemOf(merge, 409)).toMatchObject({ code: "invalid_transition", detail: frozenDetail });
  });

  it("keeps a completed merge into it from being undone until the lock is lifted", async () => {
    const merged = await mergeAnas(t, ava, sam);
    // The owner of the merged account reports the merge: the account it lives on in is frozen.
    expect((await report({ token: await linkFor(id("anasilva1984"), { action: "merge.completed" }) })).status).toBe(
      202,
    );
    const undo = await t.api(sam).merges[":id"].undo.$post({ param: { id: merged.id }, json: { reason: "Mistake" } });
    expect(await problemOf(undo, 409)).toMatchObject({ code: "invalid_transition" });
    expect(await accountOf("anasilva1984")).toMatchObject({ status: "merged" });
  });

  async function freezeAnaSilva() {
    expect((await report({ token: await linkFor(id("ana.silva")) })).status).toBe(202);
  }

  it("keeps a temporary password from working when the report lands while it is being sent", async () => {
    await t.close();
    let duringSend: (() => Promise<void>) | null = null;
    const notifier: Notifier = {
      async send(message) {
        await outboxNotifier(t.database.db, t.clock).send(message);
        const hook = message.kind === "temporary_password" ? duringSend : null;
        duringSend = null;
        await hook?.();
      },
    };
    t = await createTestContext({}, { notifier });
    ava = await t.signIn("ava.agent");
    const kim = (await accountByUsername(t.database.db, "kim.nguyen")).id;
    await verifyByCode(t, ava, kim, "otp_sms", "+15035550178");
    await verifyByQuestions(t, ava, kim, ["Mrs. Park", "Oak Avenue"]);
    const token = await linkFor(kim, { action: "account.username_reminder_sent" });
    duringSend = async () => {
      expect((await report({ token })).status).toBe(202);
    };

    const res = await t.api(ava).accounts[":id"]["temporary-password"].$post({
      param: { id: kim },
      json: { channel: "sms", reason: "Forgot the password" },
    });
    expect(await problemOf(res, 409)).toMatchObject({ code: "invalid_transition" });
    expect(duringSend).toBeNull();
    expect(await accountByUsername(t.database.db, "kim.nguyen")).toMatchObject({
      statusReason: "reported_by_owner",
      temporaryPasswordHash: null,
    });
    expect(await eventsOf(t.database.db, "account.temporary_password_issued")).toEqual([]);
  });

  it("is described by GET /policy for the console", async () => {
    const policy = await answerOf(await t.api(ava).policy.$get(), 200);
    expect(policy.reportedLock).toMatchObject({ role: "supervisor", requires: "code" });
  });
});
