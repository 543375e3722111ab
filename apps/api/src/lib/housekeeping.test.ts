import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox } from "../db/schema/index.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { HOUR } from "./clock.ts";
import { housekeeping } from "./housekeeping.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const send = (text: string) =>
  t.deps.notifier.send({
    channel: "sms",
    kind: "code",
    language: "en",
    to: "+15035550178",
    subject: "Code",
    text,
    accountId: null,
  });
const bodies = async () => (await t.database.db.select().from(outbox)).map((message) => message.body).sort();

describe("housekeeping", () => {
  it("purges outbox messages, which hold codes and temporary passwords, once they are 24 hours old", async () => {
    await t.database.db.delete(outbox);
    await send("Your code is 111111.");
    t.clock.advance(23 * HOUR);
    await send("Your code is 222222.");

    t.clock.advance(HOUR - 1);
    await housekeeping(t.database.db, t.clock.now());
    expect(await bodies()).toEqual(["Your code is 111111.", "Your code is 222222."]);

    t.clock.advance(1);
    await housekeeping(t.database.db, t.clock.now());
    expect(await bodies()).toEqual(["Your code is 222222."]);

    t.clock.advance(23 * HOUR);
    await housekeeping(t.database.db, t.clock.now());
    expect(await bodies()).toEqual([]);
  });
});
