import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { notices } from "../db/schema/index.ts";
import { accountByUsername } from "../test/accounts.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { drainDueNotices, NOTICE_SENDING, sendDueNotices } from "./notice-deliverer.ts";
import { queueNotices } from "./notices.ts";
import { DeliveryError } from "./notifier.ts";

/** The deliverer over a backlog: it keeps going while passes come back full, one batch at a time. */

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ publicUrl: "https://desk.example" });
});
afterEach(() => t.close());

/** Queues `times` unlock notices for Maria, each to her email and her phone. */
async function queueForMaria(times: number): Promise<string> {
  const account = await accountByUsername(t.database.db, "maria.lopez");
  await t.database.db.transaction(async (tx) => {
    for (let i = 0; i < times; i++) {
      await queueNotices(tx, {
        kind: "notice",
        account,
        action: "account.unlocked",
        caseRef: `CASE-${i}`,
        at: t.clock.now(),
        publicUrl: t.deps.config.publicUrl,
      });
    }
  });
  return account.id;
}

const statusesOf = (accountId: string) =>
  t.database.db
    .select({ status: notices.status, attempts: notices.attempts, body: notices.body })
    .from(notices)
    .where(eq(notices.accountId, accountId))
    .orderBy(asc(notices.id));

describe("draining due notices", () => {
  const twoAPass = { ...NOTICE_SENDING, batch: 2 };

  it("sends a backlog larger than a batch in one drain, where one pass sends one batch", async () => {
    const maria = await queueForMaria(3);
    expect(await sendDueNotices(t.deps, twoAPass)).toEqual({ sent: 2, retrying: 0, failed: 0 });
    await drainDueNotices(t.deps, twoAPass);
    expect(await statusesOf(maria)).toEqual(
      Array.from({ length: 6 }, () => ({ status: "sent", attempts: 1, body: null })),
    );
  });

  it("stops when nothing is due", async () => {
    await drainDueNotices(t.deps, twoAPass);
    expect(await sendDueNotices(t.deps, twoAPass)).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });
});

describe("recording a pass", () => {
  it("marks the pass's sent notices in one go and leaves the ones to retry pending with their text", async () => {
    await t.close();
    t = await createTestContext(
      { publicUrl: "https://desk.example" },
      {
        notifier: {
          async send(message) {
            if (message.channel === "sms") throw new DeliveryError("sms", "the SMS gateway answered 503");
          },
        },
      },
    );
    const maria = await queueForMaria(2);
    expect(await sendDueNotices(t.deps)).toEqual({ sent: 2, retrying: 2, failed: 0 });
    const rows = await t.database.db
      .select()
      .from(notices)
      .where(eq(notices.accountId, maria))
      .orderBy(asc(notices.channel), asc(notices.id));
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.body === null, r.lastError, r.sentAt])).toEqual([
      ["email", "sent", 1, true, null, t.clock.now()],
      ["email", "sent", 1, true, null, t.clock.now()],
      ["sms", "pending", 1, false, "the SMS gateway answered 503", null],
      ["sms", "pending", 1, false, "the SMS gateway answered 503", null],
    ]);
    expect(rows.filter((r) => r.channel === "email").map((r) => r.nextAttemptAt)).toEqual([null, null]);
  });
});
