import type { Verification } from "@recovery-desk/shared";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliveryFailures, outbox, verifications } from "../../db/schema/index.ts";
import { DAY, MINUTE } from "../../lib/clock.ts";
import { DeliveryError, type Notifier } from "../../notify/notifier.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents, eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { latestCode } from "../../test/outbox.ts";
import { newOneTimeCode } from "./codes.ts";

let t: TestContext;
let ava: string;
let sam: string;
const ids: Record<string, string> = {};
/** The codes the next verifications send, in order; random ones once these run out. */
const nextCodes: string[] = [];

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  nextCodes.length = 0;
  t = await createTestContext({}, { oneTimeCode: () => nextCodes.shift() ?? newOneTimeCode() });
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  for (const username of ["maria.lopez", "tom.becker", "kim.nguyen", "ana.silva", "anasilva1984"]) {
    ids[username] = (await accountByUsername(t.database.db, username)).id;
  }
});
afterEach(() => t.close());

/** Keeps sessions alive across clock jumps by signing in again. */
async function freshCookies() {
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
}

function start(username: string, method: Verification["method"], cookie = ava, caseRef = "CASE-1") {
  return t.api(cookie).accounts[":id"].verifications.$post({
    param: { id: ids[username] as string },
    json: { method, caseRef },
  });
}
async function startOk(username: string, method: Verification["method"], cookie = ava) {
  return answerOf(await start(username, method, cookie), 201);
}
function answer(v: Verification, answers: string[], cookie = ava) {
  const questions = v.questions ?? [];
  return t.api(cookie).verifications[":id"].answers.$post({
    param: { id: v.id },
    json: { answers: questions.map((q, i) => ({ questionId: q.id, answer: answers[i] ?? "" })) },
  });
}
/** Ava verifies Maria Lopez by her questions under CASE-1. */
async function verifyMaria() {
  expect((await answer(await startOk("maria.lopez", "security_questions"), ["biscuit", "san antonio"])).status).toBe(
    200,
  );
}
/** Three wrong answers for Tom Becker: his question verification is locked for 24 hours. */
async function lockTomsQuestions() {
  const v = await startOk("tom.becker", "security_questions");
  for (const wrong of [
    ["Smith", "Ford"],
    ["Schmidt", "Ford"],
    ["Schmitt", "VW"],
  ])
    await answer(v, wrong);
  expect((await start("tom.becker", "security_questions")).status).toBe(423);
}
function code(v: Verification, value: string, cookie = ava) {
  return t.api(cookie).verifications[":id"].code.$post({ param: { id: v.id }, json: { code: value } });
}
async function detail(username: string, cookie = ava) {
  return answerOf(await t.api(cookie).accounts[":id"].$get({ param: { id: ids[username] as string } }), 200);
}
const verification = async (id: string, cookie = ava) =>
  answerOf(await t.api(cookie).verifications[":id"].$get({ param: { id } }), 200);

describe("verifying by security questions", () => {
  it("reads out the two prompts and verifies loose-but-right answers", async () => {
    const v = await startOk("maria.lopez", "security_questions");
    expect(v).toMatchObject({
      method: "security_questions",
      status: "pending",
      attemptsRemaining: 3,
      caseRef: "CASE-1",
    });
    expect(v.questions?.map((q) => q.prompt)).toEqual([
      "What was the name of your first pet?",
      "In what city were you born?",
    ]);

    const res = await answer(v, [" biscuit ", "san  antonio."]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: "verified",
      verifiedUntil: new Date(t.clock.now().getTime() + 15 * MINUTE).toISOString(),
      evidence: ["knowledge"],
    });
  });

  it("then shows that agent the contact data unmasked, audited, and other agents still masked", async () => {
    await verifyMaria();
    const own = await detail("maria.lopez");
    expect(own).toMatchObject({
      contactMasked: false,
      emailMasked: "maria.lopez@example.com",
      channels: { email: { masked: "maria.lopez@example.com" }, phone: { masked: "+12175550142" } },
      addresses: [{ line1: "742 W Monroe St", masked: false }],
      verification: { method: "security_questions", caseRef: "CASE-1" },
    });
    const [viewed] = (await eventsOf(t.database.db, "account.viewed_unmasked")).slice(-1);
    expect(viewed).toMatchObject({ accountId: ids["maria.lopez"], actorName: "ava.agent", caseRef: "CASE-1" });

    const other = await detail("maria.lopez", sam);
    expect(other).toMatchObject({ contactMasked: true, emailMasked: "m••••@example.com", verification: null });
  });

  it("closes the window after 15 minutes", async () => {
    await verifyMaria();
    expect(await detail("maria.lopez")).toMatchObject({ contactMasked: false });
    t.clock.advance(15 * MINUTE);
    await freshCookies();
    expect(await detail("maria.lopez")).toMatchObject({ contactMasked: true, verification: null });
  });

  it("fails on one wrong answer without saying which, and keeps the same questions", async () => {
    const v = await startOk("ana.silva", "security_questions");
    const res = await answer(v, ["Luna", "Springfield High"]);
    expect(res.status).toBe(422);
    const body = await answerOf(res, 422);
    expect(body).toMatchObject({ code: "verification_failed", attemptsRemaining: 2 });
    expect(JSON.stringify(body)).not.toMatch(/first pet|high school|Luna|Lincoln|question/i);
    const again = await verification(v.id);
    expect(again.questions).toEqual(v.questions);
    expect((await answer(v, ["luna", "LINCOLN HIGH!"])).status).toBe(200);
  });

  it("locks question verification after three failures in 24 hours, counted across agents", async () => {
    const byAva = await startOk("tom.becker", "security_questions");
    expect((await answer(byAva, ["Smith", "Ford"])).status).toBe(422);
    expect((await answer(byAva, ["Schmidt", "Ford"])).status).toBe(422);
    const bySam = await startOk("tom.becker", "security_questions", sam);
    expect(bySam.attemptsRemaining).toBe(1);
    const third = await answer(bySam, ["Schmitt", "VW"], sam);
    expect(third.status).toBe(423);
    expect(third.headers.get("retry-after")).toBe(String(24 * 60 * 60));
    expect(await third.json()).toMatchObject({ code: "verification_locked", retryAfter: 86400 });

    expect((await answer(byAva, ["Schmidt", "Volkswagen"])).status).toBe(423);
    expect((await start("tom.becker", "security_questions")).status).toBe(423);
    expect((await start("tom.becker", "otp_email")).status).toBe(201);

    const actions = (await allEvents(t.database.db))
      .filter((e) => e.accountId === ids["tom.becker"])
      .map((e) => e.action);
    expect(actions.filter((a) => a === "verification.failed")).toHaveLength(3);
    expect(actions).toContain("verification.locked");
  });

  it("lifts the question lock 24 hours after the third failure", async () => {
    await lockTomsQuestions();
    t.clock.advance(DAY);
    await freshCookies();
    const v = await startOk("tom.becker", "security_questions");
    expect(v.attemptsRemaining).toBe(3);
    expect((await answer(v, ["schmidt", "volkswagen"])).status).toBe(200);
  });

  it("counts two attempts at the same moment one after the other", async () => {
    const a = await startOk("anasilva1984", "security_questions");
    const b = await startOk("anasilva1984", "security_questions", sam);
    const results = await Promise.all([
      answer(a, ["x", "y"]),
      answer(b, ["x", "y"], sam),
      answer(a, ["x", "y"]),
      answer(b, ["x", "y"], sam),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([422, 422, 423, 423]);
    const failures = await t.database.db.execute(
      sql`select count(*)::int as n from verification_failures where account_id = ${ids.anasilva1984}`,
    );
    const n = Array.isArray(failures) ? failures[0]?.n : (failures as unknown as { rows: { n: number }[] }).rows[0]?.n;
    expect(n).toBe(3);
  });

  it("verifies once when the same right answers are sent twice at the same moment", async () => {
    const v = await startOk("kim.nguyen", "security_questions");
    const results = await Promise.all([answer(v, ["Mrs. Park", "Oak Avenue"]), answer(v, ["Mrs. Park", "Oak Avenue"])]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const succeeded = (await eventsOf(t.database.db, "verification.succeeded")).filter(
      (e) => (e.details as { verificationId?: string }).verificationId === v.id,
    );
    expect(succeeded).toHaveLength(1);
  });

  it.each([
    [
      "an over-long answer",
      (v: Verification) => ({
        answers: (v.questions ?? []).map((q) => ({ questionId: q.id, answer: "x".repeat(201) })),
      }),
    ],
    [
      "a missing answer",
      (v: Verification) => ({
        answers: (v.questions ?? []).slice(0, 1).map((q) => ({ questionId: q.id, answer: "Luna" })),
      }),
    ],
    [
      "an answer to another question",
      (v: Verification) => ({
        answers: [
          { questionId: "sq_other", answer: "a" },
          { questionId: v.questions?.[0]?.id, answer: "b" },
        ],
      }),
    ],
    ["no answers", () => ({ answers: [] })],
  ])("refuses %s with validation_failed, costing no attempt", async (_label, body) => {
    const v = await startOk("kim.nguyen", "security_questions");
    const res = await t.request(`/api/v1/verifications/${v.id}/answers`, { cookie: ava, body: body(v) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "validation_failed" });
    const after = await verification(v.id);
    expect(after.attemptsRemaining).toBe(3);
  });

  it("refuses another agent's verification", async () => {
    const v = await startOk("kim.nguyen", "security_questions");
    expect((await answer(v, ["Mrs. Park", "Oak Avenue"], sam)).status).toBe(403);
    expect((await t.request(`/api/v1/verifications/${v.id}`, { cookie: sam })).status).toBe(403);
  });
});

describe("verifying by one-time code", () => {
  it("sends a code by SMS to a verified phone and verifies with it, once", async () => {
    const v = await startOk("kim.nguyen", "otp_sms");
    expect(v).toMatchObject({
      method: "otp_sms",
      status: "pending",
      deliveredTo: "•••-•••-0178",
      attemptsRemaining: 5,
    });
    expect(v.codeExpiresAt).toBe(new Date(t.clock.now().getTime() + 10 * MINUTE).toISOString());
    const sent = await latestCode(t.database.db, "+15035550178");
    expect(JSON.stringify(v)).not.toContain(sent);

    const spaced = `${sent.slice(0, 3)} ${sent.slice(3)}`;
    expect((await code(v, spaced)).status).toBe(200);
    expect((await detail("kim.nguyen")).contactMasked).toBe(false);
    expect((await code(v, sent)).status).toBe(409);
  });

  it("refuses a code from another verification", async () => {
    nextCodes.push("111111", "222222");
    const first = await startOk("maria.lopez", "otp_email");
    const second = await startOk("maria.lopez", "otp_sms");
    expect(await latestCode(t.database.db, "maria.lopez@example.com")).toBe("111111");
    expect(await latestCode(t.database.db, "+12175550142")).toBe("222222");
    expect((await code(second, "111111")).status).toBe(422);
    expect((await code(first, "222222")).status).toBe(422);
  });

  it("stops a code after 10 minutes", async () => {
    const v = await startOk("maria.lopez", "otp_email");
    const sent = await latestCode(t.database.db, "maria.lopez@example.com");
    t.clock.advance(10 * MINUTE);
    const res = await code(v, sent);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict" });
  });

  it("gives five tries on a code", async () => {
    await freshCookies();
    const v = await startOk("maria.lopez", "otp_email");
    const sent = await latestCode(t.database.db, "maria.lopez@example.com");
    const wrong = sent === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 0; left--) {
      const res = await code(v, wrong);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ attemptsRemaining: left });
    }
    expect((await code(v, sent)).status).toBe(409);
  });

  it("sends a new code no sooner than 60 seconds, and the new code replaces the old", async () => {
    nextCodes.push("314159", "271828");
    const v = await startOk("maria.lopez", "otp_sms");
    expect(await latestCode(t.database.db, "+12175550142")).toBe("314159");
    const early = await t.request(`/api/v1/verifications/${v.id}/resend`, { method: "POST", cookie: ava });
    expect(early.status).toBe(429);
    expect(early.headers.get("retry-after")).toBe("60");

    t.clock.advance(60_000);
    const resent = await t.request(`/api/v1/verifications/${v.id}/resend`, { method: "POST", cookie: ava });
    expect(resent.status).toBe(202);
    expect(await latestCode(t.database.db, "+12175550142")).toBe("271828");
    expect((await code(v, "314159")).status).toBe(422);
    expect((await code(v, "271828")).status).toBe(200);
  });

  it("refuses to send a code to an unverified channel", async () => {
    const res = await start("tom.becker", "otp_sms");
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/not verified/) });
    expect((await start("ana.silva", "otp_sms")).status).toBe(409);
  });

  it("reports a failed delivery clearly, records it, and writes nothing else", async () => {
    const failing: Notifier = { send: () => Promise.reject(new DeliveryError("sms", "the SMS gateway answered 503")) };
    const broken = await createTestContext({}, { notifier: failing });
    try {
      const cookie = await broken.signIn("ava.agent");
      const kim = await accountByUsername(broken.database.db, "kim.nguyen");
      const eventsBefore = (await allEvents(broken.database.db)).length;
      const res = await broken.request(`/api/v1/accounts/${kim.id}/verifications`, {
        cookie,
        body: { method: "otp_sms" },
      });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({
        code: "delivery_failed",
        detail: expect.stringContaining("•••-•••-0178"),
      });
      expect(await broken.database.db.select().from(verifications).where(eq(verifications.accountId, kim.id))).toEqual(
        [],
      );
      expect((await allEvents(broken.database.db)).length).toBe(eventsBefore);
      expect(await broken.database.db.select().from(deliveryFailures)).toMatchObject([
        { channel: "sms", accountId: kim.id, error: "the SMS gateway answered 503" },
      ]);
    } finally {
      await broken.close();
    }
  });
});

describe("secrets and the outbox", () => {
  it("keeps no answer or code in any audit event", async () => {
    await verifyMaria();
    await detail("maria.lopez");
    await lockTomsQuestions();
    expect((await answer(await startOk("kim.nguyen", "security_questions"), ["Mrs. Park", "Oak Avenue"])).status).toBe(
      200,
    );
    const byCode = await startOk("maria.lopez", "otp_email");
    expect((await code(byCode, await latestCode(t.database.db, "maria.lopez@example.com"))).status).toBe(200);
    const codes = (await t.database.db.select({ body: outbox.body }).from(outbox)).map(
      (m) => /\b(\d{6})\b/.exec(m.body)?.[1],
    );
    const trail = JSON.stringify(await allEvents(t.database.db));
    for (const secret of [
      "Biscuit",
      "biscuit",
      "San Antonio",
      "san antonio",
      "Schmidt",
      "schmidt",
      "Volkswagen",
      "Luna",
      "Mrs. Park",
      ...codes,
    ]) {
      if (secret) expect(trail).not.toContain(`"${secret}`);
    }
    const actions = new Set(JSON.parse(trail).map((e: { action: string }) => e.action));
    for (const action of [
      "verification.started",
      "verification.succeeded",
      "verification.failed",
      "verification.locked",
      "account.viewed_unmasked",
    ]) {
      expect(actions).toContain(action);
    }
  });

  it("shows the outbox newest first in demo mode, and nowhere else", async () => {
    await startOk("kim.nguyen", "otp_sms");
    await startOk("maria.lopez", "otp_email");
    const body = await answerOf(await t.api(ava).dev.outbox.$get({ query: { limit: "2" } }), 200);
    expect(body.items).toHaveLength(2);
    const live = await createTestContext({ demo: false });
    try {
      const cookie = await live.signIn("ava.agent");
      expect((await live.request("/api/v1/dev/outbox", { cookie })).status).toBe(404);
    } finally {
      await live.close();
    }
  });
});
