import { normalizeAddress } from "@recovery-desk/shared";
import { asc, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accounts, addresses } from "../../db/schema/index.ts";
import { DAY } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { verifyByCode } from "../../test/verify.ts";

let t: TestContext;
let ava: string;
let sam: string;
let ana: string;
let ana1984: string;

// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  ana = (await accountByUsername(t.database.db, "ana.silva")).id;
  ana1984 = (await accountByUsername(t.database.db, "anasilva1984")).id;
});
afterEach(() => t.close());

const rowsOf = async (ids: string[]) => ({
  accounts: await t.database.db.select().from(accounts).where(inArray(accounts.id, ids)).orderBy(asc(accounts.id)),
  addresses: await t.database.db
    .select()
    .from(addresses)
    .where(inArray(addresses.accountId, ids))
    .orderBy(asc(addresses.id)),
});
type Proposal = Parameters<ReturnType<TestContext["api"]>["merges"]["$post"]>[0]["json"];
const propose = (json: Proposal, cookie = ava) => t.api(cookie).merges.$post({ json });
const decide = (id: string, what: "approve" | "reject" | "undo", cookie = sam, reason = "Checked both accounts") =>
  t.api(cookie).merges[":id"][what].$post({ param: { id }, json: { reason } });
const duplicatesOf = async (id: string) =>
  answerOf(await t.api(ava).accounts[":id"].duplicates.$get({ param: { id } }), 200);
const clusters = (query: { limit?: string; cursor?: string }, cookie = sam) =>
  t.api(cookie)["duplicate-clusters"].$get({ query });

describe("duplicate candidates and clusters", () => {
  it("finds anasilva1984 as a duplicate of ana.silva, with same address among the reasons", async () => {
    const body = await duplicatesOf(ana);
    expect(body.addressKey).toBe("1200 N MAIN ST APT 4B|SPRINGFIELD|IL|62701");
    expect(body.candidates).toHaveLength(1);
    expect(body.candidates[0]).toMatchObject({
      account: { username: "anasilva1984" },
      reasons: ["same address", "same last name", "same first name"],
      score: 0.8,
    });
  });

  it("finds no candidates for an account alone at its address", async () => {
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    expect((await duplicatesOf(kim.id)).candidates).toEqual([]);
  });

  it("lists clusters for supervisors, largest first, paged", async () => {
    const first = await answerOf(await clusters({ limit: "100" }), 200);
    const cluster = first.items.find((c) => c.accounts.some((a) => a.username === "ana.silva"));
    expect(cluster).toMatchObject({ size: 2, addressKey: "1200 N MAIN ST APT 4B|SPRINGFIELD|IL|62701" });
    expect(cluster?.accounts.map((a) => a.username).sort()).toEqual(["ana.silva", "anasilva1984"]);
    const sizes = first.items.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: typeof first = await answerOf(await clusters({ limit: "2", ...(cursor ? { cursor } : {}) }), 200);
      paged.push(...page.items.map((c) => c.addressKey));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(first.items.map((c) => c.addressKey));
    expect((await clusters({}, ava)).status).toBe(403);
  });
});

describe("proposing a merge", () => {
  it("needs the survivor's owner verified", async () => {
    const res = await propose({ survivorId: ana, mergedIds: [ana1984], reason: "Same person" });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "verification_required" });
  });

  it.each([
    ["the survivor among the merged", () => ({ survivorId: ana, mergedIds: [ana], reason: "x" })],
    ["the same account twice", () => ({ survivorId: ana, mergedIds: [ana1984, ana1984], reason: "x" })],
    ["more than three accounts", () => ({ survivorId: ana, mergedIds: ["a", "b", "c", "d"], reason: "x" })],
    ["no reason", () => ({ survivorId: ana, mergedIds: [ana1984] })],
  ])("refuses %s", async (_label, body) => {
    await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
    expect((await t.request("/api/v1/merges", { cookie: ava, body: body() })).status).toBe(400);
  });

  it("refuses an account at another address", async () => {
    await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    const res = await propose({ survivorId: ana, mergedIds: [kim.id], reason: "x" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/not at the survivor's address/) });
  });
});

describe("approving, rejecting and undoing", () => {
  /** Ava, verified with Ana under CASE-9, proposes anasilva1984 into ana.silva (which has a mailing address of its own); `before` is both accounts' rows before. */
  async function proposeAnas() {
    await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
    await t.database.db.insert(addresses).values({
      id: "adr_mailingofana1984",
      accountId: ana1984,
      kind: "mailing",
      line1: "PO Box 77",
      city: "Springfield",
      state: "IL",
      zip5: "62705",
      streetKey: normalizeAddress({ line1: "PO Box 77", city: "Springfield", state: "IL", zip: "62705" }).street,
      addressKey: normalizeAddress({ line1: "PO Box 77", city: "Springfield", state: "IL", zip: "62705" }).key,
      createdAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    const before = await rowsOf([ana, ana1984]);
    const res = await propose({
      survivorId: ana,
      mergedIds: [ana1984],
      reason: "Same person, second account from 2022",
    });
    return { merge: await answerOf(res, 201), before };
  }
  /** The proposal above, approved by Sam. */
  async function mergeAnas() {
    const proposed = await proposeAnas();
    expect((await decide(proposed.merge.id, "approve")).status).toBe(200);
    return proposed;
  }

  it("proposes ana.silva + anasilva1984, waiting for a supervisor", async () => {
    const { merge } = await proposeAnas();
    expect(merge).toMatchObject({
      status: "pending_approval",
      survivorId: ana,
      mergedIds: [ana1984],
      requestedBy: "ava.agent",
      caseRef: "CASE-9",
    });
    expect((await eventsOf(t.database.db, "merge.requested")).at(-1)).toMatchObject({
      actorName: "ava.agent",
      accountId: ana,
    });
    expect((await propose({ survivorId: ana, mergedIds: [ana1984], reason: "again" })).status).toBe(409);
  });

  it("does not let the proposer approve their own merge", async () => {
    const { merge } = await proposeAnas();
    const agentAsSupervisor = await t.signIn("sam.supervisor");
    expect((await decide(merge.id, "approve", ava)).status).toBe(403);
    expect(agentAsSupervisor).toBeTruthy();
  });

  it("completes exactly once when fifty approvals arrive together", async () => {
    const { merge } = await proposeAnas();
    const results = await Promise.all(Array.from({ length: 50 }, () => decide(merge.id, "approve")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(
      (await eventsOf(t.database.db, "merge.completed")).filter((e) => e.details.mergeId === merge.id),
    ).toHaveLength(1);
    expect(
      (await eventsOf(t.database.db, "merge.approved")).filter((e) => e.details.mergeId === merge.id),
    ).toHaveLength(1);
  });

  it("leaves anasilva1984 merged into ana.silva, with its other address moved", async () => {
    const { merge } = await mergeAnas();
    const got = await answerOf(await t.api(ava).merges[":id"].$get({ param: { id: merge.id } }), 200);
    expect(got).toMatchObject({
      status: "completed",
      decidedBy: "sam.supervisor",
      undoAvailableUntil: new Date(t.clock.now().getTime() + 30 * DAY).toISOString(),
    });
    expect(await accountByUsername(t.database.db, "anasilva1984")).toMatchObject({
      status: "merged",
      statusReason: "merged",
      mergedInto: ana,
    });
    const after = await rowsOf([ana, ana1984]);
    expect(after.addresses.find((a) => a.id === "adr_mailingofana1984")?.accountId).toBe(ana);
    expect(after.addresses.filter((a) => a.accountId === ana1984)).toHaveLength(1);
    expect((await propose({ survivorId: ana, mergedIds: [ana1984], reason: "again" })).status).toBe(409);
  });

  it("undoes the merge and both accounts are exactly as before", async () => {
    const { merge, before } = await mergeAnas();
    expect((await answerOf(await decide(merge.id, "undo"), 200)).status).toBe("undone");
    expect(await rowsOf([ana, ana1984])).toEqual(before);
    expect((await eventsOf(t.database.db, "merge.undone")).filter((e) => e.details.mergeId === merge.id)).toHaveLength(
      2,
    );
    expect((await decide(merge.id, "undo")).status).toBe(409);
  });

  it("refuses to undo after 30 days", async () => {
    await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-10");
    const second = await answerOf(await propose({ survivorId: ana, mergedIds: [ana1984], reason: "Same person" }), 201);
    expect((await decide(second.id, "approve")).status).toBe(200);
    t.clock.advance(30 * DAY + 1000);
    const supervisor = await t.signIn("sam.supervisor");
    const res = await decide(second.id, "undo", supervisor);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ detail: expect.stringMatching(/30 days/) });
  });

  it("rejects a proposal and changes no account", async () => {
    const agent = await t.signIn("ava.agent");
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    const tom = await accountByUsername(t.database.db, "tom.becker");
    await t.database.db
      .update(addresses)
      .set({ addressKey: "SHARED|TEST|XX|00000" })
      .where(inArray(addresses.accountId, [kim.id, tom.id]));
    await verifyByCode(t, agent, kim.id, "otp_sms", "+15035550178");
    const proposal = await answerOf(
      await propose({ survivorId: kim.id, mergedIds: [tom.id], reason: "Looks alike" }, agent),
      201,
    );
    const rows = await rowsOf([kim.id, tom.id]);
    const res = await decide(proposal.id, "reject", await t.signIn("sam.supervisor"), "Different people");
    expect(await answerOf(res, 200)).toMatchObject({ status: "rejected", decisionReason: "Different people" });
    expect(await rowsOf([kim.id, tom.id])).toEqual(rows);
  });
});
