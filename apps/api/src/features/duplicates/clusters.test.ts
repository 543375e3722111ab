import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, addresses } from "../../db/schema/index.ts";
import { answerOf, signedInContext, type TestContext } from "../../test/context.ts";

let t: TestContext;
let sam: string;

beforeAll(async () => {
  ({ t, cookie: sam } = await signedInContext("sam.supervisor"));
});
afterAll(() => t.close());

const clusters = async (query: { limit: string; cursor?: string }) =>
  answerOf(await t.api(sam)["duplicate-clusters"].$get({ query }), 200);

describe("the cursor of the duplicate clusters", () => {
  it("is taken back whatever the length of the address key it carries", async () => {
    const at = t.clock.now();
    const street = `1 ${"VERY LONG COUNTY ROAD ".repeat(90).trim()}`;
    const key = `${street}|SPRINGFIELD|IL|62701`;
    expect(key.length).toBeGreaterThan(1_900);
    for (const n of [1, 2]) {
      const id = `acc_long_key_${n}`;
      await t.database.db.insert(accounts).values({
        id,
        username: `long.key.${n}`,
        firstName: "Long",
        lastName: `Key ${n}`,
        displayName: `Long Key ${n}`,
        nameSearch: `long key ${n}`,
        status: "active",
        createdAt: at,
        updatedAt: at,
      });
      await t.database.db.insert(addresses).values({
        id: `adr_long_key_${n}`,
        accountId: id,
        kind: "home",
        line1: street,
        city: "Springfield",
        state: "IL",
        zip5: "62701",
        streetKey: street,
        addressKey: key,
        createdAt: at,
        updatedAt: at,
      });
    }

    const all = (await clusters({ limit: "200" })).items.map((c) => c.addressKey);
    const position = all.indexOf(key);
    expect(position).toBeGreaterThanOrEqual(0);
    expect(position).toBeLessThan(all.length - 1);
    const upTo = await clusters({ limit: String(position + 1) });
    expect(upTo.items.at(-1)?.addressKey).toBe(key);
    expect(upTo.nextCursor).not.toBeNull();
    const rest = await clusters({ limit: "200", cursor: upTo.nextCursor ?? "" });
    expect(rest.items.map((c) => c.addressKey)).toEqual(all.slice(position + 1));
  });
});
