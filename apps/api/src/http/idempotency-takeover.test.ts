import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idempotencyKeys, outbox } from "../db/schema/index.ts";
import { accountByUsername } from "../test/accounts.ts";
import { eventsOf } from "../test/audit.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { verifyByCode, verifyByQuestions } from "../test/verify.ts";

const KIM_PHONE = "+15035550178";

/**
 * A request whose process died keeps its Idempotency-Key `in_flight`; a retry a minute later takes
 * it over. These tests put a key in the state a killed process leaves behind (the soak suite kills
 * the real server; here the moment of death is chosen exactly).
 */
let t: TestContext;
let ava: string;
let kimId: string;
const body = { channel: "email", reason: "Caller verified; forgot the password." };

beforeAll(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  kimId = (await accountByUsername(t.database.db, "kim.nguyen")).id;
});
afterAll(() => t.close());

const sendPassword = (key: string, requestId?: string, cookie = ava) =>
  t.request(`/api/v1/accounts/${kimId}/temporary-password`, {
    cookie,
    body,
    headers: { "idempotency-key": key, ...(requestId ? { "x-request-id": requestId } : {}) },
  });

/** Puts the key back the way a process killed before it could record the answer leaves it. */
async function dieBeforeAnswering(key: string, requestId: string): Promise<void> {
  await t.database.db
    .update(idempotencyKeys)
    .set({ state: "in_flight", responseStatus: null, responseBody: { requestId }, lockedAt: t.clock.now() })
    .where(eq(idempotencyKeys.key, key));
}

const issued = async () => (await eventsOf(t.database.db, "account.temporary_password_issued")).length;
const messages = async () =>
  (await t.database.db.select().from(outbox).where(eq(outbox.accountId, kimId))).filter(
    (m) => m.subject === "Your temporary password",
  ).length;

describe("a retry after the process died mid-request", () => {
  it("does not make the change again when the first run had made it, and says the answer was lost", async () => {
    await verifyByQuestions(t, ava, kimId, ["Mrs. Park", "Oak Avenue"]);
    await verifyByCode(t, ava, kimId, "otp_sms", KIM_PHONE);
    const [eventsBefore, messagesBefore] = [await issued(), await messages()];
    expect((await sendPassword("died-after-commit", "req_first_run")).status).toBe(202);
    await dieBeforeAnswering("died-after-commit", "req_first_run");

    const tooSoon = await sendPassword("died-after-commit");
    expect(tooSoon.status).toBe(409);
    expect(await tooSoon.json()).toMatchObject({ idempotency: "in_progress" });

    t.clock.advance(61_000);
    const retry = await sendPassword("died-after-commit");
    expect(retry.status).toBe(409);
    expect(await retry.json()).toMatchObject({ code: "conflict", idempotency: "answer_lost" });
    const again = await sendPassword("died-after-commit");
    expect(again.status).toBe(409);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(await again.json()).toMatchObject({ idempotency: "answer_lost" });

    expect(await issued()).toBe(eventsBefore + 1);
    expect(await messages()).toBe(messagesBefore + 1);
  });

  it("makes the change once when the first run died before making it", async () => {
    const sam = await t.signIn("sam.supervisor");
    const [eventsBefore, messagesBefore] = [await issued(), await messages()];
    // A first run that took the key and died before it changed anything (here: refused, as sam
    // has not verified the caller yet, so its request wrote nothing).
    expect((await sendPassword("died-before-commit", "req_died_early", sam)).status).toBe(403);
    await dieBeforeAnswering("died-before-commit", "req_died_early");
    await verifyByQuestions(t, sam, kimId, ["Mrs. Park", "Oak Avenue"]);
    await verifyByCode(t, sam, kimId, "otp_sms", KIM_PHONE);

    t.clock.advance(61_000);
    const retry = await sendPassword("died-before-commit", undefined, sam);
    expect(retry.status).toBe(202);
    const replay = await sendPassword("died-before-commit", undefined, sam);
    expect(replay.headers.get("idempotency-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await retry.json());
    expect(await issued()).toBe(eventsBefore + 1);
    expect(await messages()).toBe(messagesBefore + 1);
  });
});
