import type { AccountSummary, Merge } from "@recovery-desk/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accountByUsername } from "../../test/accounts.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { verifyByCode } from "../../test/verify.ts";

/** The merge queue names the accounts of each merge, so an approver can compare them without a call per account. */
let t: TestContext;
let sam: string;
let ana: string;
let ana1984: string;
let proposed: Merge;

// Each test starts from its own copy of the test world, with Ava's proposal in it.
beforeEach(async () => {
  t = await createTestContext();
  const ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  ana = (await accountByUsername(t.database.db, "ana.silva")).id;
  ana1984 = (await accountByUsername(t.database.db, "anasilva1984")).id;
  await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
  const res = await t.api(ava).merges.$post({
    json: { survivorId: ana, mergedIds: [ana1984], reason: "Same person, second account from 2022" },
  });
  proposed = await answerOf(res, 201);
});
afterEach(() => t.close());

const listed = async (status: Merge["status"]) => answerOf(await t.api(sam).merges.$get({ query: { status } }), 200);

describe("the merge list", () => {
  it("carries the survivor and the merged accounts as summaries, beside their ids", async () => {
    const [merge] = (await listed("pending_approval")).items;
    expect(merge).toMatchObject({ id: proposed.id, survivorId: ana, mergedIds: [ana1984] });
    expect(merge?.survivor).toMatchObject({
      id: ana,
      username: "ana.silva",
      displayName: "Ana Silva",
      status: "active",
      city: "Springfield",
      state: "IL",
      zip5: "62701",
    });
    expect(merge?.merged.map((a: AccountSummary) => [a.id, a.username, a.displayName])).toEqual([
      [ana1984, "anasilva1984", "Ana Silva"],
    ]);
    // Summaries are masked, as everywhere a list shows contact data.
    expect(merge?.survivor.emailMasked ?? "").toContain("•");
  });

  it("shows the accounts as they are now once the merge is done", async () => {
    const res = await t.request(`/api/v1/merges/${proposed.id}/approve`, {
      cookie: sam,
      body: { reason: "Same person, checked the comparison" },
    });
    expect(res.status).toBe(200);
    const [merge] = (await listed("completed")).items;
    expect(merge?.survivor.status).toBe("active");
    expect(merge?.merged.map((a: AccountSummary) => a.status)).toEqual(["merged"]);
  });
});
