import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { notices, outbox, reportTokens } from "../db/schema/index.ts";
import { DAY, MINUTE } from "../lib/clock.ts";
import { housekeeping } from "../lib/housekeeping.ts";
import type { RetryOptions } from "../lib/retries.ts";
import { eventsOf } from "../test/audit.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { queueMariasNotices } from "../test/notices.ts";
import { NOTICE_SENDING, sendDueNotices } from "./notice-deliverer.ts";
import { DeliveryError, type Notifier, type OutgoingMessage } from "./notifier.ts";
import { outboxNotifier } from "./outbox.ts";

/** Quick retries for tests; `random: () => 1` takes the whole wait, so it is known: 1 s, 2 s, 4 s… */
const FAST: RetryOptions = { ...NOTICE_SENDING, baseDelayMs: 1_000, maxAttempts: 3, random: () => 1 };

let t: TestContext;
afterEach(() => t?.close());

/** A notifier that refuses while `failing` is set, and otherwise keeps messages in the outbox. */
function flakyNotifier(get: () => TestContext, error: () => Error) {
  const state = { failing: true, sent: [] as OutgoingMessage[] };
  const notifier: Notifier = {
    async send(message) {
      if (state.failing) throw error();
      state.sent.push(message);
      await outboxNotifier(get().database.db, get().clock).send(message);
    },
  };
  return { notifier, state };
}

const rows = () => t.database.db.select().from(notices).orderBy(asc(notices.channel));

describe("the notice deliverer", () => {
  it("sends due notices once, through the notifier, with their kind and language, then clears the body", async () => {
    t = await createTestContext();
    await queueMariasNotices(t);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const messages = await t.database.db.select().from(outbox).orderBy(asc(outbox.channel));
    expect(messages.map((m) => [m.channel, m.recipient, m.kind, m.language])).toEqual([
      ["email", "maria.lopez@example.com", "notice", "es"],
      ["sms", "+12175550142", "notice", "es"],
    ]);
    expect((await rows()).map((r) => [r.status, r.body, r.attempts, r.sentAt?.getTime()])).toEqual([
      ["sent", null, 1, t.clock.now().getTime()],
      ["sent", null, 1, t.clock.now().getTime()],
    ]);
  });

  it("retries after a growing wait, then gives up: failed, body cleared, and a notice.undeliverable event", async () => {
    const flaky = flakyNotifier(
      () => t,
      () => new DeliveryError("sms", "the SMS gateway answered 503"),
    );
    t = await createTestContext({}, { notifier: flaky.notifier });
    const mariaId = await queueMariasNotices(t);
    const start = t.clock.now().getTime();

    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    expect((await rows()).map((r) => [r.status, r.attempts, r.lastError, r.nextAttemptAt?.getTime()])).toEqual([
      ["pending", 1, "the SMS gateway answered 503", start + 1_000],
      ["pending", 1, "the SMS gateway answered 503", start + 1_000],
    ]);
    // Not due yet.
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(1_000);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 2, failed: 0 });
    expect((await rows())[0]?.nextAttemptAt?.getTime()).toBe(start + 1_000 + 2_000);
    t.clock.advance(2_000);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 0, failed: 2 });

    expect((await rows()).map((r) => [r.status, r.body, r.attempts, r.nextAttemptAt])).toEqual([
      ["failed", null, 3, null],
      ["failed", null, 3, null],
    ]);
    const events = await eventsOf(t.database.db, "notice.undeliverable");
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorType: "system",
      actorName: "notice deliverer",
      accountId: mariaId,
      caseRef: "CASE-7",
      details: {
        noticeId: expect.stringMatching(/^ntc_/),
        channel: expect.stringMatching(/^(email|sms)$/),
        noticeOf: "account.unlocked",
        attempts: 3,
        lastError: "the SMS gateway answered 503",
      },
    });
    // The account is the event's own; the details do not repeat it.
    expect(events[0]?.details).not.toHaveProperty("accountId");
    const text = JSON.stringify(events);
    expect(text).not.toContain("maria.lopez@example.com");
    expect(text).not.toContain("+12175550142");
    expect(text).not.toContain("/report/");
    t.clock.advance(DAY);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("keeps a safe reason only, never what an unexpected error said", async () => {
    const flaky = flakyNotifier(
      () => t,
      () => new Error("connect ECONNREFUSED for maria.lopez@example.com"),
    );
    t = await createTestContext({}, { notifier: flaky.notifier });
    await queueMariasNotices(t);
    await sendDueNotices(t.deps, FAST);
    expect((await rows()).map((r) => r.lastError)).toEqual([
      "the email could not be handed over",
      "the text message could not be handed over",
    ]);
  });

  it("sends what failed once it works again", async () => {
    const flaky = flakyNotifier(
      () => t,
      () => new DeliveryError("email", "the mail server refused (451)"),
    );
    t = await createTestContext({}, { notifier: flaky.notifier });
    await queueMariasNotices(t);
    await sendDueNotices(t.deps, FAST);
    flaky.state.failing = false;
    t.clock.advance(MINUTE);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect((await rows()).map((r) => [r.status, r.attempts, r.lastError])).toEqual([
      ["sent", 2, null],
      ["sent", 2, null],
    ]);
    expect(flaky.state.sent.map((m) => [m.kind, m.language])).toEqual([
      ["notice", "es"],
      ["notice", "es"],
    ]);
  });

  it("sends each notice once when two deliverers run at the same time", async () => {
    t = await createTestContext();
    await queueMariasNotices(t);
    await queueMariasNotices(t);
    const results = await Promise.all([sendDueNotices(t.deps, FAST), sendDueNotices(t.deps, FAST)]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(4);
    expect(await t.database.db.select().from(outbox)).toHaveLength(4);
  });

  it("takes up a notice again when the deliverer that claimed it never finished", async () => {
    t = await createTestContext();
    await queueMariasNotices(t);
    // A deliverer claims them (its lease moves them on) and dies before sending.
    await t.database.db
      .update(notices)
      .set({ nextAttemptAt: new Date(t.clock.now().getTime() + FAST.timeoutMs + MINUTE) });
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    t.clock.advance(FAST.timeoutMs + MINUTE);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 2, retrying: 0, failed: 0 });
  });

  it("leaves a notice to the deliverer that took it up when a send outlasts its lease: sent once recorded, never given up too", async () => {
    t = await createTestContext();
    await queueMariasNotices(t);
    // The last attempt: a failure now would give them up.
    await t.database.db.update(notices).set({ attempts: FAST.maxAttempts - 1 });
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimed = () => {};
    const started = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    const slow: Notifier = {
      async send() {
        claimed();
        await gate;
        throw new DeliveryError("sms", "the SMS gateway did not answer (TimeoutError)");
      },
    };
    const late = sendDueNotices({ ...t.deps, notifier: slow }, FAST);
    await started;
    t.clock.advance(FAST.timeoutMs + MINUTE);
    expect(await sendDueNotices(t.deps, FAST)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    release();
    expect(await late).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ["sent", FAST.maxAttempts],
      ["sent", FAST.maxAttempts],
    ]);
    expect(await eventsOf(t.database.db, "notice.undeliverable")).toEqual([]);
  });

  it("counts the backlog in the metrics", async () => {
    t = await createTestContext();
    await queueMariasNotices(t);
    t.clock.advance(90_000);
    const text = await (await t.request("/metrics")).text();
    expect(text).toMatch(/^recovery_desk_notices_pending 2$/m);
    expect(text).toMatch(/^recovery_desk_notice_oldest_pending_seconds 90$/m);
  });
});

describe("housekeeping of notices", () => {
  it("removes finished notices and expired report links after 30 days, and never a pending notice", async () => {
    t = await createTestContext();
    const mariaId = await queueMariasNotices(t);
    await sendDueNotices(t.deps, FAST);
    t.clock.advance(DAY);
    await queueMariasNotices(t);
    const [pending] = await t.database.db
      .select()
      .from(notices)
      .where(eq(notices.status, "pending"))
      .orderBy(asc(notices.createdAt));
    // Stuck pending (say its deliverer keeps dying): it stays however old it is.
    expect(pending).toBeDefined();

    t.clock.advance(29 * DAY);
    await housekeeping(t.database.db, t.clock.now());
    expect(await t.database.db.select().from(notices)).toHaveLength(4);

    t.clock.advance(DAY);
    await housekeeping(t.database.db, t.clock.now());
    const left = await t.database.db.select().from(notices).where(eq(notices.accountId, mariaId));
    expect(left.map((r) => r.status)).toEqual(["pending", "pending"]);
    // The sent notices' links expired and went with them; the pending notices' links stay.
    const links = async () => (await t.database.db.select().from(reportTokens)).map((l) => l.id).sort();
    expect(await links()).toEqual(left.map((r) => r.reportTokenId).sort());

    // Long after: the pending notices stay, and so do their (expired) links.
    t.clock.advance(10 * DAY);
    await housekeeping(t.database.db, t.clock.now());
    expect(await t.database.db.select().from(notices)).toHaveLength(2);
    expect(await links()).toEqual(left.map((r) => r.reportTokenId).sort());
  });
});
