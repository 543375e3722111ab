import { normalizeAddress } from "@recovery-desk/shared";
import { asc, eq, gt, inArray } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../audit/append.ts";
import { type AuditEventRow, accounts, addresses, auditEvents, merges } from "../../db/schema/index.ts";
import { DAY, MINUTE } from "../../lib/clock.ts";
import { accountByUsername, hardLock } from "../../test/accounts.ts";
import { eventsOf, latestEvents } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { createKey } from "../../test/hostile/callers.ts";
import { verifyByCode, verifyByQuestions } from "../../test/verify.ts";
import { changeAccount } from "../recovery/transition.ts";

/**
 * Undo puts back only what the merge changed. Each test starts from a fresh world with the Ana
 * Silva merge approved (ana.silva survives, anasilva1984 is merged into it), then changes
 * something after the merge and undoes it.
 */

let t: TestContext;
let ava: string;
let sam: string;
let ana: string;
let ana1984: string;

afterEach(() => t?.close());

const PO_BOX = { line1: "PO Box 77", city: "Springfield", state: "IL", zip: "62705" };

async function world(): Promise<void> {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  sam = await t.signIn("sam.supervisor");
  ana = (await accountByUsername(t.database.db, "ana.silva")).id;
  ana1984 = (await accountByUsername(t.database.db, "anasilva1984")).id;
}

/** Proposes and approves the Ana Silva merge; returns it. */
async function approveAnaMerge() {
  await verifyByCode(t, ava, ana, "otp_email", "ana.silva@example.com", "CASE-9");
  const proposed = await t.api(ava).merges.$post({
    json: { survivorId: ana, mergedIds: [ana1984], reason: "Same person, second account from 2022" },
  });
  const merge = await answerOf(proposed, 201);
  const approved = await t.api(sam).merges[":id"].approve.$post({
    param: { id: merge.id },
    json: { reason: "Checked both accounts" },
  });
  await answerOf(approved, 200);
  return merge;
}

const undo = (id: string) =>
  t.api(sam).merges[":id"].undo.$post({ param: { id }, json: { reason: "Merged by mistake" } });

const rowsOf = async () => ({
  accounts: await t.database.db
    .select()
    .from(accounts)
    .where(inArray(accounts.id, [ana, ana1984]))
    .orderBy(asc(accounts.id)),
  addresses: await t.database.db
    .select()
    .from(addresses)
    .where(inArray(addresses.accountId, [ana, ana1984]))
    .orderBy(asc(addresses.id)),
});

async function loginServiceKey(): Promise<string> {
  return (await createKey(t, await t.signIn("ada.admin"), "Login service", ["login-events:write"])).key;
}

async function reportLogin(key: string, username: string, outcome: "success" | "failure"): Promise<void> {
  await answerOf(await t.api({ key })["login-events"].$post({ json: { username, outcome } }), 200);
}

/** The events the undo wrote: everything after `seq`. */
const eventsAfter = (seq: number): Promise<AuditEventRow[]> =>
  t.database.db.select().from(auditEvents).where(gt(auditEvents.seq, seq)).orderBy(asc(auditEvents.seq));
const headSeq = async () => (await latestEvents(t.database.db, 1))[0]?.seq ?? 0;

describe("undoing a merge after the survivor changed", () => {
  it("keeps a lock the login service set after the merge, and brings the merged account back as its own event", async () => {
    await world();
    const merge = await approveAnaMerge();
    const key = await loginServiceKey();
    t.clock.advance(5 * MINUTE);
    for (let i = 0; i < 5; i++) await reportLogin(key, "ana.silva", "failure");
    const locked = await accountByUsername(t.database.db, "ana.silva");
    expect(locked).toMatchObject({ status: "locked", lockKind: "temporary", failedLoginCount: 5 });
    const unlocksBefore = (await eventsOf(t.database.db, "account.unlocked")).length;
    const seq = await headSeq();

    t.clock.advance(MINUTE);
    expect((await answerOf(await undo(merge.id), 200)).status).toBe("undone");

    // The survivor keeps the lock, exactly as the login service left it.
    expect(await accountByUsername(t.database.db, "ana.silva")).toEqual(locked);
    expect(await eventsOf(t.database.db, "account.unlocked")).toHaveLength(unlocksBefore);
    // The merged account is open again, as it was before the merge.
    expect(await accountByUsername(t.database.db, "anasilva1984")).toMatchObject({
      status: "active",
      statusReason: null,
      lockKind: null,
      mergedInto: null,
    });

    const written = await eventsAfter(seq);
    expect(written.map((e) => [e.action, e.accountId])).toEqual([
      ["merge.undone", ana1984],
      ["merge.undone", ana],
    ]);
    const [back, summary] = written;
    expect(back?.details).toMatchObject({ mergeId: merge.id, survivorId: ana, from: "merged", to: "active" });
    expect(summary?.details).toMatchObject({ mergeId: merge.id, keptSinceMerge: ["status", "failed logins"] });
    expect(new Set(written.map((e) => e.requestId)).size).toBe(1);
  });

  it("keeps a temporary password issued after the merge", async () => {
    await world();
    const merge = await approveAnaMerge();
    await verifyByQuestions(t, ava, ana, ["Luna", "Lincoln High"], "CASE-9");
    const issued = await t.request(`/api/v1/accounts/${ana}/temporary-password`, {
      cookie: ava,
      body: { channel: "email", reason: "Forgot password", caseRef: "CASE-9" },
    });
    expect(issued.status).toBe(202);
    const withPassword = await accountByUsername(t.database.db, "ana.silva");
    expect(withPassword.temporaryPasswordHash).toBeTruthy();

    t.clock.advance(MINUTE);
    expect((await undo(merge.id)).status).toBe(200);
    const after = await accountByUsername(t.database.db, "ana.silva");
    expect(after).toEqual(withPassword);
    expect(after).toMatchObject({
      mustChangePassword: true,
      temporaryPasswordHash: withPassword.temporaryPasswordHash,
    });
    const [summary] = (await eventsOf(t.database.db, "merge.undone")).filter((e) => e.accountId === ana);
    expect(summary?.details).toMatchObject({ keptSinceMerge: ["temporary password"] });
  });

  it("gives back a phone the merge brought, unless the survivor's phone changed since; newer activity stays", async () => {
    await world();
    await t.database.db
      .update(accounts)
      .set({ phone: "+12175550199", phoneVerified: true, lastActivityAt: new Date("2026-11-20T10:00:00.000Z") })
      .where(eq(accounts.id, ana1984));
    const before = await rowsOf();
    const merge = await approveAnaMerge();
    expect(await accountByUsername(t.database.db, "ana.silva")).toMatchObject({
      phone: "+12175550199",
      lastActivityAt: new Date("2026-11-20T10:00:00.000Z"),
    });
    // The owner's phone on the survivor is replaced after the merge, and the customer signs in.
    await t.database.db
      .update(accounts)
      .set({ phone: "+12175550123", phoneVerified: true })
      .where(eq(accounts.id, ana));
    const key = await loginServiceKey();
    t.clock.advance(MINUTE);
    await reportLogin(key, "ana.silva", "success");

    t.clock.advance(MINUTE);
    expect((await undo(merge.id)).status).toBe(200);
    const survivor = await accountByUsername(t.database.db, "ana.silva");
    expect(survivor).toMatchObject({ phone: "+12175550123", phoneVerified: true });
    expect(survivor.lastActivityAt?.getTime()).toBe(t.clock.now().getTime() - MINUTE);
    // The merged account is exactly as it was before the merge.
    expect((await rowsOf()).accounts.find((a) => a.id === ana1984)).toEqual(
      before.accounts.find((a) => a.id === ana1984),
    );
    const [summary] = (await eventsOf(t.database.db, "merge.undone")).filter((e) => e.accountId === ana);
    expect(summary?.details).toMatchObject({ keptSinceMerge: ["phone", "last activity"] });
  });

  it("removes the phone and activity the merge brought when nothing changed since: both rows exactly as before", async () => {
    await world();
    await t.database.db
      .update(accounts)
      .set({ phone: "+12175550199", phoneVerified: true, lastActivityAt: new Date("2026-11-20T10:00:00.000Z") })
      .where(eq(accounts.id, ana1984));
    await addPoBox();
    const before = await rowsOf();
    const merge = await approveAnaMerge();
    expect((await rowsOf()).addresses.find((a) => a.id === "adr_mailingofana1984")?.accountId).toBe(ana);
    t.clock.advance(DAY);
    sam = await t.signIn("sam.supervisor");
    expect((await undo(merge.id)).status).toBe(200);
    expect(await rowsOf()).toEqual(before);
    const [summary] = (await eventsOf(t.database.db, "merge.undone")).filter((e) => e.accountId === ana);
    expect(summary?.details).toMatchObject({
      restored: ["phone", "last activity"],
      movedBackAddressIds: ["adr_mailingofana1984"],
      keptSinceMerge: [],
    });
  });

  it("brings back a merged account that was hard-locked before the merge, locked as it was", async () => {
    await world();
    await hardLock(t.database.db, ana1984, new Date("2026-11-20T08:00:00.000Z"));
    const lockedBefore = await accountByUsername(t.database.db, "anasilva1984");
    const merge = await approveAnaMerge();
    expect(await accountByUsername(t.database.db, "anasilva1984")).toMatchObject({
      status: "merged",
      lockKind: null,
      failedLoginCount: 0,
    });
    // While merged, nothing but the undo moves it.
    await expect(
      t.database.db.transaction((tx) =>
        changeAccount(
          tx,
          ana1984,
          { kind: "unlock" },
          { at: t.clock.now(), actor: SYSTEM_ACTOR, action: "account.unlocked", origin: { requestId: null, ip: null } },
        ),
      ),
    ).rejects.toMatchObject({ code: "invalid_transition" });
    const seq = await headSeq();

    t.clock.advance(MINUTE);
    expect((await undo(merge.id)).status).toBe(200);
    expect(await accountByUsername(t.database.db, "anasilva1984")).toEqual(lockedBefore);
    const [back] = await eventsAfter(seq);
    expect(back).toMatchObject({
      action: "merge.undone",
      accountId: ana1984,
      details: { from: "merged", to: "locked" },
    });
  });

  it("refuses with a conflict naming the address when an address the merge moved changed since, and writes nothing", async () => {
    await world();
    await addPoBox();
    const merge = await approveAnaMerge();
    await t.database.db
      .update(addresses)
      .set({ line2: "Attn Ana", updatedAt: t.clock.now() })
      .where(eq(addresses.id, "adr_mailingofana1984"));
    const rows = await rowsOf();
    const seq = await headSeq();

    const res = await undo(merge.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: "conflict",
      detail: expect.stringMatching(/PO Box 77.*changed since/),
    });
    expect(await rowsOf()).toEqual(rows);
    expect(await eventsAfter(seq)).toEqual([]);
    const [stored] = await t.database.db.select().from(merges).where(eq(merges.id, merge.id));
    expect(stored?.status).toBe("completed");
  });

  it("refuses with a conflict when the survivor was merged into another account since", async () => {
    await world();
    const merge = await approveAnaMerge();
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    await t.database.db
      .update(accounts)
      .set({ status: "merged", statusReason: "merged", mergedInto: kim.id })
      .where(eq(accounts.id, ana));
    const seq = await headSeq();
    const res = await undo(merge.id);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "conflict", detail: expect.stringMatching(/ana\.silva.*merged/) });
    expect(await eventsAfter(seq)).toEqual([]);
    expect((await accountByUsername(t.database.db, "anasilva1984")).status).toBe("merged");
  });
});

async function addPoBox(): Promise<void> {
  const normal = normalizeAddress(PO_BOX);
  await t.database.db.insert(addresses).values({
    id: "adr_mailingofana1984",
    accountId: ana1984,
    kind: "mailing",
    line1: PO_BOX.line1,
    city: PO_BOX.city,
    state: PO_BOX.state,
    zip5: PO_BOX.zip,
    streetKey: normal.street,
    addressKey: normal.key,
    createdAt: t.clock.now(),
    updatedAt: t.clock.now(),
  });
}
