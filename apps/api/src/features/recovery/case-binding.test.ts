import { and, desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditEvents, outbox, verifications } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { DeliveryError, type Notifier } from "../../notify/notifier.ts";
import { outboxNotifier } from "../../notify/outbox.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";

let t: TestContext;
let ava: string;
const ids: Record<string, string> = {};

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  for (const u of ["maria.lopez", "tom.becker", "kim.nguyen", "ana.silva", "anasilva1984"])
    ids[u] = (await accountByUsername(t.database.db, u)).id;
});
afterEach(() => t.close());

const id = (username: string) => ids[username] as string;
const act = (username: string, action: string, body: unknown) =>
  t.request(`/api/v1/accounts/${id(username)}/${action}`, { cookie: ava, body });
const propose = (body: unknown) => t.request("/api/v1/merges", { cookie: ava, body });

/** The case of the agent's window on the account (the verification verified until latest), as stored. */
async function windowCase(username: string): Promise<string | null | undefined> {
  const rows = await t.database.db
    .select({ caseRef: verifications.caseRef, verifiedUntil: verifications.verifiedUntil })
    .from(verifications)
    .where(and(eq(verifications.accountId, id(username)), eq(verifications.status, "verified")));
  rows.sort((a, b) => (b.verifiedUntil?.getTime() ?? 0) - (a.verifiedUntil?.getTime() ?? 0));
  return rows[0]?.caseRef;
}

const eventsFor = async (username: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.accountId, id(username)));
const messagesTo = async (recipient: string) =>
  t.database.db.select().from(outbox).where(eq(outbox.recipient, recipient));

async function expectRefusedNaming(res: Response, windowCaseRef: string, asked: string, label = "") {
  const problem = await problemOf(res, 403);
  expect(problem.code, label).toBe("verification_required");
  expect(problem.detail, label).toContain(windowCaseRef);
  expect(problem.detail, label).toContain(asked);
}

/** Each action, asked under case `asked`, is refused naming the window's case and the one asked for. */
async function expectActionsRefused(
  username: string,
  windowCaseRef: string,
  asked: string,
  actions: [action: string, body: Record<string, string>][],
) {
  for (const [action, body] of actions) {
    await expectRefusedNaming(await act(username, action, { ...body, caseRef: asked }), windowCaseRef, asked, action);
  }
}

describe("a verified window opened without a case reference", () => {
  it("takes the first action's case, keeps it, and refuses every action under another case", async () => {
    await verifyByCode(t, ava, id("tom.becker"), "otp_email", "tom.becker@example.com", null);
    await verifyByQuestions(t, ava, id("tom.becker"), ["Schmidt", "Volkswagen"], null);
    expect(await windowCase("tom.becker")).toBeNull();

    const reactivated = await t.api(ava).accounts[":id"].reactivate.$post({
      param: { id: id("tom.becker") },
      json: { reason: "Wants the account back", caseRef: "CASE-31" },
    });
    expect((await answerOf(reactivated, 200)).verification?.caseRef).toBe("CASE-31");
    expect(await windowCase("tom.becker")).toBe("CASE-31");
    expect((await eventsOf(t.database.db, "account.reactivated")).at(-1)?.caseRef).toBe("CASE-31");

    const eventsBefore = (await eventsFor("tom.becker")).length;
    const messagesBefore = (await messagesTo("tom.becker@example.com")).length;
    await expectActionsRefused("tom.becker", "CASE-31", "CASE-99", [
      ["username-reminder", { reason: "Forgot username" }],
      ["temporary-password", { channel: "email", reason: "Forgot" }],
      ["unlock", { reason: "Not locked anyway" }],
    ]);
    // Nothing was sent, filed or changed under the other case.
    expect(await eventsFor("tom.becker")).toHaveLength(eventsBefore);
    expect(await messagesTo("tom.becker@example.com")).toHaveLength(messagesBefore);
    expect(await windowCase("tom.becker")).toBe("CASE-31");

    // The same case, or none, goes on under the window's case.
    expect((await act("tom.becker", "username-reminder", { reason: "Forgot username" })).status).toBe(202);
    expect(
      (await act("tom.becker", "temporary-password", { channel: "email", reason: "Forgot", caseRef: "CASE-31" }))
        .status,
    ).toBe(202);
    expect((await eventsOf(t.database.db, "account.username_reminder_sent")).at(-1)?.caseRef).toBe("CASE-31");
    expect((await eventsOf(t.database.db, "account.temporary_password_issued")).at(-1)?.caseRef).toBe("CASE-31");

    // Viewing the unmasked account is filed under the window's case too.
    expect((await t.request(`/api/v1/accounts/${id("tom.becker")}`, { cookie: ava })).status).toBe(200);
    expect((await eventsOf(t.database.db, "account.viewed_unmasked")).at(-1)).toMatchObject({
      accountId: id("tom.becker"),
      caseRef: "CASE-31",
    });
  });

  it("stays without a case while actions name none, and a later action's case binds it", async () => {
    await verifyByQuestions(t, ava, id("maria.lopez"), ["Biscuit", "San Antonio"], null);
    expect((await act("maria.lopez", "unlock", { reason: "Locked after travel" })).status).toBe(200);
    expect((await eventsOf(t.database.db, "account.unlocked")).at(-1)).toMatchObject({
      accountId: id("maria.lopez"),
      caseRef: null,
    });
    expect(await windowCase("maria.lopez")).toBeNull();

    const reminded = await act("maria.lopez", "username-reminder", { reason: "Forgot username", caseRef: "CASE-41" });
    expect(reminded.status).toBe(202);
    expect(await windowCase("maria.lopez")).toBe("CASE-41");
    await expectRefusedNaming(
      await act("maria.lopez", "temporary-password", { channel: "sms", reason: "Forgot", caseRef: "CASE-42" }),
      "CASE-41",
      "CASE-42",
    );
  });

  it("is bound by a merge proposal, and a proposal under another case is refused", async () => {
    await verifyByCode(t, ava, id("ana.silva"), "otp_email", "ana.silva@example.com", null);
    expect((await act("ana.silva", "username-reminder", { reason: "Forgot", caseRef: "CASE-51" })).status).toBe(202);
    const refused = await propose({
      survivorId: id("ana.silva"),
      mergedIds: [id("anasilva1984")],
      reason: "Same person, two accounts",
      caseRef: "CASE-52",
    });
    await expectRefusedNaming(refused, "CASE-51", "CASE-52");
    expect(await eventsOf(t.database.db, "merge.requested")).toHaveLength(0);

    const proposed = await propose({
      survivorId: id("ana.silva"),
      mergedIds: [id("anasilva1984")],
      reason: "Same person, two accounts",
    });
    expect(proposed.status).toBe(201);
    expect(await proposed.json()).toMatchObject({ caseRef: "CASE-51" });
  });

  it("goes to exactly one case when first actions under different cases arrive together", async () => {
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_sms", "+15035550178", null);
    const cases = ["CASE-61", "CASE-62", "CASE-63", "CASE-64", "CASE-65", "CASE-66"];
    const results = await Promise.all(
      cases.map((caseRef) => act("kim.nguyen", "username-reminder", { reason: "Forgot username", caseRef })),
    );
    const statuses = results.map((res) => res.status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(1);
    expect(statuses.filter((status) => status === 403)).toHaveLength(cases.length - 1);

    const winner = cases[statuses.indexOf(202)] as string;
    expect(await windowCase("kim.nguyen")).toBe(winner);
    for (const res of results.filter((r) => r.status === 403)) {
      expect((await problemOf(res, 403)).detail).toContain(winner);
    }
    const reminders = (await eventsOf(t.database.db, "account.username_reminder_sent")).filter(
      (event) => event.accountId === id("kim.nguyen"),
    );
    expect(reminders.map((event) => event.caseRef)).toEqual([winner]);
    const sent = (await messagesTo("kim.nguyen@example.com")).filter((m) => m.subject === "Your USPS username");
    expect(sent).toHaveLength(1);
  });
});

describe("a verified window opened under a case", () => {
  it("refuses actions under another case, naming the window's case", async () => {
    // The earlier window for this account has closed.
    t.clock.advance(16 * MINUTE);
    await verifyByCode(t, ava, id("kim.nguyen"), "otp_sms", "+15035550178", "CASE-71");
    await expectActionsRefused("kim.nguyen", "CASE-71", "CASE-72", [
      ["temporary-password", { channel: "sms", reason: "Forgot" }],
      ["username-reminder", { reason: "Forgot" }],
    ]);
    expect((await act("kim.nguyen", "username-reminder", { reason: "Forgot", caseRef: "CASE-71" })).status).toBe(202);
    expect(await windowCase("kim.nguyen")).toBe("CASE-71");
  });
});

describe("an action that is refused binds nothing", () => {
  it("leaves the window without a case when the channel is not verified", async () => {
    t.clock.advance(16 * MINUTE);
    await verifyByCode(t, ava, id("tom.becker"), "otp_email", "tom.becker@example.com", null);
    await verifyByQuestions(t, ava, id("tom.becker"), ["Schmidt", "Volkswagen"], null);
    const refused = await act("tom.becker", "temporary-password", {
      channel: "sms",
      reason: "Forgot",
      caseRef: "CASE-81",
    });
    expect((await problemOf(refused, 409)).code).toBe("conflict");
    expect(await windowCase("tom.becker")).toBeNull();

    // The window still takes the case of its first action that goes through.
    expect(
      (await act("tom.becker", "username-reminder", { reason: "Forgot username", caseRef: "CASE-82" })).status,
    ).toBe(202);
    expect(await windowCase("tom.becker")).toBe("CASE-82");
    expect((await eventsOf(t.database.db, "account.username_reminder_sent")).at(-1)?.caseRef).toBe("CASE-82");
  });
});

describe("an action whose message cannot be sent", () => {
  const gateway = { down: false };
  let d: TestContext;
  let agent: string;
  let maria: string;
  beforeAll(async () => {
    let outboxSend: Notifier["send"] = async () => {};
    d = await createTestContext(
      {},
      {
        notifier: {
          send: async (message) => {
            if (gateway.down) throw new DeliveryError(message.channel, "the gateway did not answer");
            await outboxSend(message);
          },
        },
      },
    );
    outboxSend = outboxNotifier(d.database.db, d.clock).send;
    agent = await d.signIn("ava.agent");
    maria = (await accountByUsername(d.database.db, "maria.lopez")).id;
  });
  afterAll(() => d.close());

  const caseOfWindow = async () => {
    const [row] = await d.database.db
      .select({ caseRef: verifications.caseRef })
      .from(verifications)
      .where(and(eq(verifications.accountId, maria), eq(verifications.status, "verified")))
      .orderBy(desc(verifications.verifiedUntil))
      .limit(1);
    return row?.caseRef;
  };

  it("leaves the window without a case, and files nothing", async () => {
    await verifyByQuestions(d, agent, maria, ["Biscuit", "San Antonio"], null);
    await verifyByCode(d, agent, maria, "otp_email", "maria.lopez@example.com", null);
    gateway.down = true;
    for (const [action, body] of [
      ["username-reminder", { reason: "Forgot username", caseRef: "CASE-91" }],
      ["temporary-password", { channel: "sms", reason: "Forgot", caseRef: "CASE-92" }],
    ] as const) {
      const res = await d.request(`/api/v1/accounts/${maria}/${action}`, { cookie: agent, body });
      expect((await problemOf(res, 502)).code, action).toBe("delivery_failed");
      expect(await caseOfWindow(), action).toBeNull();
    }
    expect(await eventsOf(d.database.db, "account.username_reminder_sent")).toHaveLength(0);
    expect(await eventsOf(d.database.db, "account.temporary_password_issued")).toHaveLength(0);

    gateway.down = false;
    const sent = await d.request(`/api/v1/accounts/${maria}/temporary-password`, {
      cookie: agent,
      body: { channel: "sms", reason: "Forgot", caseRef: "CASE-93" },
    });
    expect(sent.status).toBe(202);
    expect(await caseOfWindow()).toBe("CASE-93");
  });
});
