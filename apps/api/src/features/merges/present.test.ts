import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { merges, staff } from "../../db/schema/index.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { signedInContext, type TestContext } from "../../test/context.ts";

let t: TestContext;
let sam: string;

beforeAll(async () => {
  ({ t, cookie: sam } = await signedInContext("sam.supervisor"));
});
afterAll(() => t.close());

describe("the list of merges", () => {
  it("fails loudly, rather than leaving a merge out, when one of its accounts cannot be read", async () => {
    const [ava] = await t.database.db.select().from(staff).where(eq(staff.username, "ava.agent"));
    const ana = await accountByUsername(t.database.db, "ana.silva");
    await t.database.db.insert(merges).values({
      id: "mrg_missing_account",
      status: "pending_approval",
      survivorId: ana.id,
      mergedIds: ["acc_not_there"],
      reason: "Same person, two accounts",
      requestedBy: ava?.id as string,
      requestedAt: t.clock.now(),
    });
    const res = await t.request("/api/v1/merges", { cookie: sam });
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ code: "internal" });
  });
});
