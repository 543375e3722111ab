import type { Verification } from "@recovery-desk/shared";
import { and, eq, like } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { outbox, rateLimitCounters, verificationFailures, verifications } from "../../db/schema/index.ts";
import type { AppConfig } from "../../deps.ts";
import { HOUR, MINUTE } from "../../lib/clock.ts";
import { DeliveryError, type Notifier } from "../../notify/notifier.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents, eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";

// Per-account caps a day, across agents: codes sent, wrong codes, temporary passwords, username
// reminders; and request limits per staff member rather than per session.

const CODE = "424242";
const WRONG = "000000";

let t: TestContext;
let ava: string;
let sam: string;
const ids: Record<string, string> = {};

async function open(config: Partial<AppConfig> = {}, notifier?: Notifier) {
  t = await createTestContext(config, { oneTimeCode: () => CODE, ...(notifier ? { notifier } : {}) });
  await signInBoth();
  for (const u of ["maria.lopez", "tom.becker", "kim.nguyen"]) ids[u] = (await accountByUsername(t.database.db, u)).id;
}
/** Sessions lapse after 30 idle minutes: after a clock jump, sign in again. */
async function signInBoth() {
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
}
afterEach(() => t?.close());

function start(username: string, method: Verification["method"], cookie = ava) {
  return t.api(cookie).accounts[":id"].verifications.$post({
    param: { id: ids[username] as string },
    json: { method, caseRef: "CASE-1" },
  });
}
const code = (v: Verification, value: string, cookie = ava) =>
  t.api(cookie).verifications[":id"].code.$post({ param: { id: v.id }, json: { code: value } });
const resend = (v: Verification, cookie = ava) =>
  t.api(cookie).verifications[":id"].resend.$post({ param: { id: v.id } });
const codesTo = async (recipient: string) =>
  (
    await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.recipient, recipient), eq(outbox.kind, "code")))
  ).length;
const act = (username: string, action: string, body: unknown, cookie = ava) =>
  t.request(`/api/v1/accounts/${ids[username]}/${action}`, { cookie, body });
const statuses = (responses: { status: number }[]) => responses.map((r) => r.status).sort();

describe("codes sent per account a day", () => {
  beforeEach(() => open());

  it("sends the 5th code, by any channel and agent, and refuses the 6th with Retry-After to the end of the window", async () => {
    await answerOf(await start("kim.nguyen", "otp_sms"), 201);
    t.clock.advance(1 * HOUR);
    await signInBoth();
    await answerOf(await start("kim.nguyen", "otp_email", sam), 201);
    await answerOf(await start("kim.nguyen", "otp_sms"), 201);
    const v = await answerOf(await start("kim.nguyen", "otp_email", sam), 201);
    t.clock.advance(MINUTE);
    await answerOf(await resend(v, sam), 202);
    t.clock.advance(2 * HOUR);
    await signInBoth();

    const eventsBefore = (await allEvents(t.database.db)).length;
    const verificationsBefore = (await t.database.db.select().from(verifications)).length;
    const refused = await start("kim.nguyen", "otp_sms");
    const problem = await problemOf(refused, 429);
    expect(problem).toMatchObject({ code: "rate_limited" });
    expect(problem.detail).toBe(
      "5 codes have been sent to this account in 24 hours, the most allowed; no code was sent. Verify with the security questions, or send a code in about 21 hours.",
    );
    // The window began with the first code, 3 hours and a minute ago.
    expect(refused.headers.get("retry-after")).toBe(String((21 * HOUR - MINUTE) / 1000));
    expect(await codesTo("+15035550178")).toBe(2);
    expect(await codesTo("kim.nguyen@example.com")).toBe(3);
    expect((await allEvents(t.database.db)).length).toBe(eventsBefore);
    expect((await t.database.db.select().from(verifications)).length).toBe(verificationsBefore);

    // Questions are not capped.
    expect((await start("kim.nguyen", "security_questions")).status).toBe(201);
    // Other accounts have their own count.
    expect((await start("tom.becker", "otp_email")).status).toBe(201);

    t.clock.advance(21 * HOUR);
    await signInBoth();
    expect((await start("kim.nguyen", "otp_sms")).status).toBe(201);
  });

  it("lets exactly 5 of 12 parallel requests send a code", async () => {
    const agents = [ava, sam];
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) => start("tom.becker", "otp_email", agents[i % 2])),
    );
    expect(statuses(responses)).toEqual([...Array(5).fill(201), ...Array(7).fill(429)]);
    expect(await codesTo("tom.becker@example.com")).toBe(5);
    expect((await eventsOf(t.database.db, "verification.started")).length).toBe(5);
  });
});

describe("a code that could not be sent", () => {
  it("does not use up the cap", async () => {
    let failing = true;
    const sent: string[] = [];
    await open(
      {},
      {
        send: async (message) => {
          if (failing && message.kind === "code") throw new DeliveryError(message.channel, "the gateway answered 503");
          sent.push(message.kind);
        },
      },
    );
    for (let i = 0; i < 6; i++) expect((await start("tom.becker", "otp_email")).status).toBe(502);
    failing = false;
    for (let i = 0; i < 5; i++) expect((await start("tom.becker", "otp_email")).status).toBe(201);
    expect((await start("tom.becker", "otp_email")).status).toBe(429);
    expect(sent.filter((k) => k === "code")).toHaveLength(5);
  });
});

describe("wrong codes per account a day", () => {
  beforeEach(() => open());

  it("counts wrong codes across verifications and agents, and locks codes for 24 hours at the 10th", async () => {
    const first = await answerOf(await start("tom.becker", "otp_email"), 201);
    for (let i = 0; i < 5; i++) expect((await code(first, WRONG)).status).toBe(422);
    const second = await answerOf(await start("tom.becker", "otp_email", sam), 201);
    for (let i = 0; i < 4; i++) expect((await code(second, WRONG, sam)).status).toBe(422);
    t.clock.advance(10 * MINUTE);
    await signInBoth();
    const third = await answerOf(await start("tom.becker", "otp_email"), 201);

    const tenth = await code(third, WRONG);
    const problem = await problemOf(tenth, 423);
    expect(problem).toMatchObject({ code: "verification_locked", attemptsRemaining: 0 });
    expect(problem.detail).toMatch(/wrong codes/);
    expect(tenth.headers.get("retry-after")).toBe(String((24 * HOUR) / 1000));
    const [locked] = await eventsOf(t.database.db, "verification.locked");
    expect(locked?.details).toMatchObject({ verificationId: third.id, method: "otp_email" });
    expect(JSON.stringify(await allEvents(t.database.db))).not.toContain(CODE);

    // While locked: the right code is refused, nothing new is sent, and questions still work.
    t.clock.advance(10 * MINUTE);
    expect((await code(third, CODE)).status).toBe(423);
    expect((await eventsOf(t.database.db, "verification.locked")).at(-1)?.details).toMatchObject({
      attemptRefused: true,
    });
    const sentBefore = await codesTo("tom.becker@example.com");
    const refused = await start("tom.becker", "otp_email", sam);
    expect((await problemOf(refused, 423)).code).toBe("verification_locked");
    expect(refused.headers.get("retry-after")).toBe(String((24 * HOUR - 10 * MINUTE) / 1000));
    expect(await codesTo("tom.becker@example.com")).toBe(sentBefore);
    expect((await start("tom.becker", "security_questions")).status).toBe(201);
    // Another account is not touched.
    expect((await start("kim.nguyen", "otp_sms")).status).toBe(201);

    t.clock.advance(24 * HOUR - 10 * MINUTE);
    await signInBoth();
    const after = await answerOf(await start("tom.becker", "otp_email"), 201);
    expect((await code(after, CODE)).status).toBe(200);
  });

  it("lets the 9th wrong code pass as a plain mismatch, and a right code after it verifies", async () => {
    const first = await answerOf(await start("tom.becker", "otp_email"), 201);
    for (let i = 0; i < 5; i++) await code(first, WRONG);
    const second = await answerOf(await start("tom.becker", "otp_email"), 201);
    for (let i = 0; i < 3; i++) await code(second, WRONG);
    expect(await problemOf(await code(second, WRONG), 422)).toMatchObject({ attemptsRemaining: 1 });
    expect((await code(second, CODE)).status).toBe(200);
  });

  it("refuses a resend while codes are locked", async () => {
    const vs = [];
    for (let i = 0; i < 2; i++) vs.push(await answerOf(await start("tom.becker", "otp_email"), 201));
    const [a, b] = vs as [Verification, Verification];
    for (let i = 0; i < 5; i++) await code(a, WRONG);
    for (let i = 0; i < 5; i++) await code(b, WRONG);
    t.clock.advance(2 * MINUTE);
    expect((await problemOf(await resend(b), 423)).code).toBe("verification_locked");
  });

  it("counts exactly 10 of 15 wrong codes sent in parallel to three verifications", async () => {
    const vs: Verification[] = [];
    for (const agent of [ava, sam, ava]) vs.push(await answerOf(await start("tom.becker", "otp_email", agent), 201));
    const owner = (i: number) => (i === 1 ? sam : ava);
    const responses = await Promise.all(
      Array.from({ length: 15 }, (_, i) => code(vs[i % 3] as Verification, WRONG, owner(i % 3))),
    );
    expect(statuses(responses)).toEqual([...Array(9).fill(422), ...Array(6).fill(423)]);
    const failures = await t.database.db
      .select()
      .from(verificationFailures)
      .where(eq(verificationFailures.accountId, ids["tom.becker"] as string));
    expect(failures).toHaveLength(10);
    expect((await eventsOf(t.database.db, "verification.failed")).length).toBe(10);
  });
});

describe("temporary passwords and username reminders per account a day", () => {
  beforeEach(() => open());

  const verifyKim = async () => {
    await verifyByCode(t, ava, ids["kim.nguyen"] as string, "otp_sms", "+15035550178");
    await verifyByQuestions(t, ava, ids["kim.nguyen"] as string, ["Mrs. Park", "Oak Avenue"]);
  };
  const issue = () => act("kim.nguyen", "temporary-password", { channel: "sms", reason: "Forgot the password" });
  const remind = () => act("tom.becker", "username-reminder", { reason: "Forgot username" });

  it("sends the 2nd temporary password and refuses the 3rd, changing nothing", async () => {
    await verifyKim();
    expect((await issue()).status).toBe(202);
    t.clock.advance(30 * MINUTE);
    await signInBoth();
    await verifyKim();
    expect((await issue()).status).toBe(202);
    const kimBefore = await accountByUsername(t.database.db, "kim.nguyen");
    const eventsBefore = (await allEvents(t.database.db)).length;
    const refused = await issue();
    expect(await problemOf(refused, 429)).toMatchObject({
      code: "rate_limited",
      detail: expect.stringMatching(/^2 temporary passwords have been sent for this account in 24 hours/),
    });
    expect(refused.headers.get("retry-after")).toBe(String((24 * HOUR - 30 * MINUTE) / 1000));
    expect(await accountByUsername(t.database.db, "kim.nguyen")).toEqual(kimBefore);
    expect((await allEvents(t.database.db)).length).toBe(eventsBefore);
    // A refused temporary password does not count against the reminders (nor anything else).
    const counters = await t.database.db
      .select()
      .from(rateLimitCounters)
      .where(like(rateLimitCounters.key, `cap:%${ids["kim.nguyen"]}`));
    expect(counters.map((c) => [c.key.split(":")[1], c.count]).sort()).toEqual([
      ["codes", 2],
      ["temporary-passwords", 2],
    ]);
  });

  it("lets exactly 2 of 6 parallel temporary passwords through", async () => {
    await verifyKim();
    const responses = await Promise.all(Array.from({ length: 6 }, issue));
    expect(statuses(responses)).toEqual([202, 202, 429, 429, 429, 429]);
    expect((await eventsOf(t.database.db, "account.temporary_password_issued")).length).toBe(2);
  });

  it("sends the 3rd username reminder and refuses the 4th; parallel requests cannot pass the cap", async () => {
    await verifyByCode(t, ava, ids["tom.becker"] as string, "otp_email", "tom.becker@example.com");
    for (let i = 0; i < 3; i++) expect((await remind()).status).toBe(202);
    const refused = await remind();
    expect(await problemOf(refused, 429)).toMatchObject({
      code: "rate_limited",
      detail: expect.stringMatching(/^3 username reminders/),
    });
    expect(Number(refused.headers.get("retry-after"))).toBe((24 * HOUR) / 1000);

    await verifyByCode(t, ava, ids["kim.nguyen"] as string, "otp_sms", "+15035550178");
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () => act("kim.nguyen", "username-reminder", { reason: "Forgot username" })),
    );
    expect(statuses(parallel)).toEqual([...Array(3).fill(202), ...Array(5).fill(429)]);
  });

  it("takes its numbers from the configuration", async () => {
    t.close();
    await open({
      accountCaps: { codesPerDay: 1, wrongCodesPerDay: 2, temporaryPasswordsPerDay: 1, usernameRemindersPerDay: 1 },
    });
    const v = await answerOf(await start("tom.becker", "otp_email"), 201);
    expect(await problemOf(await start("tom.becker", "otp_email"), 429)).toMatchObject({
      detail: expect.stringMatching(/^1 code has been sent/),
    });
    expect((await code(v, WRONG)).status).toBe(422);
    expect((await code(v, WRONG)).status).toBe(423);
  });
});

describe("request limits per staff member", () => {
  it("counts all of a staff member's sessions together: signing in again does not reset the count", async () => {
    await open({ rateLimits: { perStaffPerMinute: 3, perKeyPerMinute: 100 } });
    const me = () => t.request("/api/v1/auth/me", { cookie: ava });
    // Signing in is not a counted request; `open` signed in, and these are the first three.
    for (let i = 0; i < 3; i++) expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(429);
    ava = await t.signIn("ava.agent");
    const again = await me();
    expect(again.status).toBe(429);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another staff member has a count of their own.
    expect((await t.request("/api/v1/auth/me", { cookie: sam })).status).toBe(200);
    t.clock.advance(MINUTE);
    expect((await me()).status).toBe(200);
  });
});
