import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accounts, outbox, verifications } from "../../db/schema/index.ts";
import { DeliveryError } from "../../notify/notifier.ts";
import { verifySecret } from "../../security/hashing.ts";
import { accountByUsername, hardLock } from "../../test/accounts.ts";
import { allEvents, eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";

const logLines: string[] = [];
let t: TestContext;
let ava: string;
let sam: string;
const ids: Record<string, string> = {};

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  logLines.length = 0;
  const logger = pino({ level: "debug" }, { write: (line: string) => logLines.push(line) });
  t = await createTestContext({}, { logger });
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  for (const u of ["maria.lopez", "tom.becker", "kim.nguyen", "ana.silva", "anasilva1984"])
    ids[u] = (await accountByUsername(t.database.db, u)).id;
});
afterEach(() => t.close());

const verifyMaria = () => verifyByQuestions(t, ava, ids["maria.lopez"] as string, ["Biscuit", "San Antonio"], "CASE-7");
const verifyTom = () => verifyByCode(t, ava, ids["tom.becker"] as string, "otp_email", "tom.becker@example.com");
/** A temporary password needs two pieces of evidence, one a code: Kim reads an SMS code, then answers her questions. */
const verifyKim = async () => {
  await verifyByCode(t, ava, ids["kim.nguyen"] as string, "otp_sms", "+15035550178");
  await verifyByQuestions(t, ava, ids["kim.nguyen"] as string, ["Mrs. Park", "Oak Avenue"]);
};

const act = (username: string, action: string, body: unknown, cookie = ava, headers?: Record<string, string>) =>
  t.request(`/api/v1/accounts/${ids[username]}/${action}`, { cookie, body, ...(headers ? { headers } : {}) });

describe("lifting a lockout", () => {
  it("needs the agent's verified window", async () => {
    const res = await act("maria.lopez", "unlock", { reason: "Caller locked out" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "verification_required" });
  });

  it("is refused under another case than the caller was verified under", async () => {
    await verifyMaria();
    const res = await act("maria.lopez", "unlock", { reason: "Caller locked out", caseRef: "CASE-8" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: "verification_required",
      detail: expect.stringContaining("CASE-7"),
    });
  });

  it.each([
    ["no reason", {}],
    ["an empty reason", { reason: "  " }],
    ["a reason over 500 characters", { reason: "x".repeat(501) }],
    ["a malformed case reference", { reason: "ok", caseRef: "CASE 7; drop" }],
  ])("refuses %s and changes nothing", async (_label, body) => {
    await verifyMaria();
    const res = await act("maria.lopez", "unlock", body);
    expect(res.status).toBe(400);
    expect((await accountByUsername(t.database.db, "maria.lopez")).status).toBe("locked");
  });

  it("unlocks Maria Lopez, clears the counter, and audits who, why and under which case", async () => {
    await verifyMaria();
    const res = await t.api(ava).accounts[":id"].unlock.$post({
      param: { id: ids["maria.lopez"] as string },
      json: { reason: "Verified caller; hard lock after travel" },
    });
    const detail = await answerOf(res, 200);
    expect(detail).toMatchObject({ status: "active", statusReason: null, lock: null, contactMasked: false });
    expect(await accountByUsername(t.database.db, "maria.lopez")).toMatchObject({
      status: "active",
      lockKind: null,
      failedLoginCount: 0,
      lockedAt: null,
    });
    const [event] = (await eventsOf(t.database.db, "account.unlocked")).slice(-1);
    expect(event).toMatchObject({
      accountId: ids["maria.lopez"],
      actorName: "ava.agent",
      reason: "Verified caller; hard lock after travel",
      caseRef: "CASE-7",
      details: { from: "locked", to: "active", verifiedBy: "security_questions" },
    });
  });

  it("refuses to unlock an account that is not locked", async () => {
    await verifyMaria();
    expect((await act("maria.lopez", "unlock", { reason: "Caller locked out" })).status).toBe(200);
    const res = await act("maria.lopez", "unlock", { reason: "again" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "invalid_transition", detail: "The account is not locked." });
  });

  it("applies once when twenty unlocks of one account arrive together", async () => {
    const anyLocked = await t.database.db.select().from(accounts).where(eq(accounts.lockKind, "hard")).limit(1);
    const target = anyLocked[0];
    if (!target) throw new Error("no hard-locked account in the test world");
    await t.database.db
      .update(accounts)
      .set({ phoneVerified: true, phone: "+13125550100" })
      .where(eq(accounts.id, target.id));
    await verifyByCode(t, ava, target.id, "otp_sms", "+13125550100");
    const before = (await eventsOf(t.database.db, "account.unlocked")).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.request(`/api/v1/accounts/${target.id}/unlock`, { cookie: ava, body: { reason: "double clicks" } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect((await eventsOf(t.database.db, "account.unlocked")).length).toBe(before + 1);
  });

  it("refuses to change a merged account", async () => {
    await verifyByQuestions(t, ava, ids.anasilva1984 as string, ["Luna", "Recife"]);
    await t.database.db
      .update(accounts)
      .set({ status: "merged", statusReason: "merged", mergedInto: ids["ana.silva"] })
      .where(eq(accounts.id, ids.anasilva1984 as string));
    const res = await act("anasilva1984", "unlock", { reason: "should not" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "invalid_transition" });
    await t.database.db
      .update(accounts)
      .set({ status: "active", statusReason: null, mergedInto: null })
      .where(eq(accounts.id, ids.anasilva1984 as string));
  });
});

describe("reactivating", () => {
  it("reactivates Tom Becker after an emailed code", async () => {
    await verifyTom();
    const res = await act("tom.becker", "reactivate", { reason: "Caller wants to use the account again" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "active", statusReason: null });
    const [event] = (await eventsOf(t.database.db, "account.reactivated")).slice(-1);
    expect(event).toMatchObject({
      actorName: "ava.agent",
      details: { from: "deactivated", to: "active", verifiedBy: "otp_email" },
    });
    expect((await act("tom.becker", "reactivate", { reason: "again" })).status).toBe(409);
  });
});

describe("temporary passwords", () => {
  it("sends Kim Nguyen a temporary password by SMS that appears only in the outbox", async () => {
    await verifyKim();
    const res = await t.api(ava).accounts[":id"]["temporary-password"].$post({
      param: { id: ids["kim.nguyen"] as string },
      json: { channel: "sms", reason: "Forgot password" },
    });
    const receipt = await answerOf(res, 202);
    expect(receipt).toEqual({
      deliveredTo: "•••-•••-0178",
      expiresAt: new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString(),
    });

    const [message] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, "+15035550178"))
      .orderBy(outbox.createdAt)
      .then((rows) => rows.slice(-1));
    const password = /password is (\S+)/.exec(message?.body ?? "")?.[1] ?? "";
    expect(password.replaceAll("-", "")).toHaveLength(16);
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    expect(kim.mustChangePassword).toBe(true);
    expect(await verifySecret(kim.temporaryPasswordHash ?? "", password)).toBe(true);

    expect(JSON.stringify(receipt)).not.toContain(password);
    expect(JSON.stringify(await allEvents(t.database.db))).not.toContain(password);
    expect(logLines.join("\n")).not.toContain(password);
    const [event] = (await eventsOf(t.database.db, "account.temporary_password_issued")).slice(-1);
    expect(event).toMatchObject({
      accountId: kim.id,
      reason: "Forgot password",
      details: { channel: "sms", deliveredTo: "•••-•••-0178" },
    });
  });

  it("lifts a failed-login lock when it is issued", async () => {
    await verifyKim();
    await hardLock(t.database.db, ids["kim.nguyen"] as string, t.clock.now());
    expect(
      (await act("kim.nguyen", "temporary-password", { channel: "email", reason: "Locked and forgot" })).status,
    ).toBe(202);
    expect(await accountByUsername(t.database.db, "kim.nguyen")).toMatchObject({
      status: "active",
      lockKind: null,
      failedLoginCount: 0,
    });
  });

  it("refuses an unverified channel", async () => {
    await verifyTom();
    await verifyByQuestions(t, ava, ids["tom.becker"] as string, ["Schmidt", "Volkswagen"]);
    const res = await act("tom.becker", "temporary-password", { channel: "sms", reason: "x" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/not verified/) });
  });

  it("changes nothing when the message cannot be sent", async () => {
    const broken = await createTestContext(
      {},
      { notifier: { send: () => Promise.reject(new DeliveryError("email", "the mail server refused (550)")) } },
    );
    try {
      const cookie = await broken.signIn("ava.agent");
      const maria = await accountByUsername(broken.database.db, "maria.lopez");
      await verifyByQuestions(broken, cookie, maria.id, ["Biscuit", "San Antonio"]);
      // No code can be sent here: the window is given the code evidence a temporary password needs.
      await broken.database.db
        .update(verifications)
        .set({ evidence: ["knowledge", "email"] })
        .where(eq(verifications.accountId, maria.id));
      const res = await broken.request(`/api/v1/accounts/${maria.id}/temporary-password`, {
        cookie,
        body: { channel: "email", reason: "x" },
      });
      expect(res.status).toBe(502);
      expect(await accountByUsername(broken.database.db, "maria.lopez")).toMatchObject({
        status: "locked",
        mustChangePassword: false,
        temporaryPasswordHash: null,
      });
      expect(await eventsOf(broken.database.db, "account.temporary_password_issued")).toEqual([]);
    } finally {
      await broken.close();
    }
  });
});

describe("username reminders", () => {
  it("emails the username to the verified email", async () => {
    await verifyTom();
    const res = await act("tom.becker", "username-reminder", { reason: "Forgot username" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ deliveredTo: "t••••@example.com", expiresAt: null });
    const [message] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipient, "tom.becker@example.com"))
      .orderBy(outbox.createdAt)
      .then((r) => r.slice(-1));
    expect(message?.body).toContain("tom.becker");
    expect((await eventsOf(t.database.db, "account.username_reminder_sent")).at(-1)).toMatchObject({
      accountId: ids["tom.becker"],
    });
  });

  it("needs the window of the agent who asks", async () => {
    await verifyTom();
    expect((await act("tom.becker", "username-reminder", { reason: "x" }, sam)).status).toBe(403);
  });
});

describe("idempotency keys", () => {
  it("replays the first answer for the same key and body, without a second effect", async () => {
    await verifyTom();
    const headers = { "idempotency-key": "reminder-1" };
    const before = (await eventsOf(t.database.db, "account.username_reminder_sent")).length;
    const first = await act("tom.becker", "username-reminder", { reason: "retry me" }, ava, headers);
    const second = await act("tom.becker", "username-reminder", { reason: "retry me" }, ava, headers);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.headers.get("idempotency-replayed")).toBe("true");
    expect(await second.json()).toEqual(await first.json());
    expect((await eventsOf(t.database.db, "account.username_reminder_sent")).length).toBe(before + 1);
  });

  it("refuses the same key with another body", async () => {
    await verifyTom();
    const headers = { "idempotency-key": "reminder-1" };
    expect((await act("tom.becker", "username-reminder", { reason: "retry me" }, ava, headers)).status).toBe(202);
    const res = await act("tom.becker", "username-reminder", { reason: "something else" }, ava, {
      "idempotency-key": "reminder-1",
    });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/different request/) });
  });

  it("replays refusals too, and keeps keys per agent", async () => {
    await verifyTom();
    const headers = { "idempotency-key": "unlock-tom" };
    const first = await act("tom.becker", "unlock", { reason: "x" }, ava, headers);
    expect(first.status).toBe(409);
    expect((await act("tom.becker", "unlock", { reason: "x" }, ava, headers)).headers.get("idempotency-replayed")).toBe(
      "true",
    );
    expect(
      (await act("tom.becker", "unlock", { reason: "x" }, sam, headers)).headers.get("idempotency-replayed"),
    ).toBeNull();
  });

  it("completes once when the same key arrives several times at once", async () => {
    await verifyByQuestions(t, ava, ids["ana.silva"] as string, ["Luna", "Lincoln High"]);
    const before = (await eventsOf(t.database.db, "account.username_reminder_sent")).length;
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        act("ana.silva", "username-reminder", { reason: "together" }, ava, { "idempotency-key": "together-1" }),
      ),
    );
    for (const r of results) expect([202, 409]).toContain(r.status);
    expect((await eventsOf(t.database.db, "account.username_reminder_sent")).length).toBe(before + 1);
  });

  it("refuses a malformed key", async () => {
    const res = await act("tom.becker", "username-reminder", { reason: "x" }, ava, {
      "idempotency-key": "has spaces in it",
    });
    expect(res.status).toBe(400);
  });
});

describe("the account timeline", () => {
  it("shows what happened, newest first, paged", async () => {
    await verifyMaria();
    expect((await act("maria.lopez", "unlock", { reason: "Caller locked out" })).status).toBe(200);
    expect((await t.request(`/api/v1/accounts/${ids["maria.lopez"]}`, { cookie: ava })).status).toBe(200);
    const timeline = (query: { limit: string; cursor?: string }, id = ids["maria.lopez"] as string) =>
      t.api(ava).accounts[":id"].timeline.$get({ param: { id }, query });
    const page = await answerOf(await timeline({ limit: "3" }), 200);
    expect(page.items).toHaveLength(3);
    expect(page.items.map((e) => e.seq)).toEqual([...page.items.map((e) => e.seq)].sort((a, b) => b - a));
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const next: typeof page = await answerOf(await timeline({ limit: "3", ...(cursor ? { cursor } : {}) }), 200);
      all.push(...next.items.map((e) => e.action));
      cursor = next.nextCursor;
    } while (cursor);
    expect(all).toEqual(
      expect.arrayContaining([
        "verification.started",
        "verification.succeeded",
        "account.unlocked",
        "account.viewed_unmasked",
      ]),
    );
    expect((await timeline({ limit: "3" }, "acc_missing")).status).toBe(404);
  });
});
