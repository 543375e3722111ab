import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allEvents } from "../test/audit.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { appendAuditEvent, SYSTEM_ACTOR } from "./append.ts";
import { canonicalEventText, canonicalJson } from "./canonical.ts";
import { verifyChain } from "./verify.ts";

let t: TestContext;
// Each test starts from its own copy of the test world.
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

describe("the audit chain", () => {
  it("links every event to the one before by its hash", async () => {
    await t.signIn("ava.agent");
    await t.request("/api/v1/auth/login", { body: { username: "ava.agent", password: "wrong" } });
    const events = await allEvents(t.database.db);
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]?.prevHash).toBe("0".repeat(64));
    for (let i = 1; i < events.length; i++) expect(events[i]?.prevHash).toBe(events[i - 1]?.hash);
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true, checked: events.length });
  });

  it("stays one unbroken chain under concurrent appends", async () => {
    const before = (await allEvents(t.database.db)).length;
    const attempts = Array.from({ length: 24 }, (_, i) =>
      t.request("/api/v1/auth/login", { body: { username: `someone.${i}`, password: "wrong" } }),
    );
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual(Array(24).fill(401));
    const events = await allEvents(t.database.db);
    expect(events.length).toBe(before + 24);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true, checked: events.length });
  });

  it("rolls the event back with the change when the transaction fails", async () => {
    const before = (await allEvents(t.database.db)).length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await appendAuditEvent(tx, {
          at: t.clock.now(),
          actor: SYSTEM_ACTOR,
          action: "account.deactivated",
          origin: { requestId: null, ip: null },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await allEvents(t.database.db)).length).toBe(before);
  });

  it("refuses details that name a secret", async () => {
    for (const details of [{ password: "x" }, { answers: ["x"] }, { nested: { code: "123456" } }, { token: "t" }]) {
      await expect(
        t.database.db.transaction((tx) =>
          appendAuditEvent(tx, {
            at: t.clock.now(),
            actor: SYSTEM_ACTOR,
            action: "account.deactivated",
            origin: { requestId: null, ip: null },
            details,
          }),
        ),
      ).rejects.toThrow(/secret/);
    }
  });

  it.each([
    ["UPDATE", sql`update audit_events set reason = 'changed'`],
    ["DELETE", sql`delete from audit_events`],
    ["TRUNCATE", sql`truncate audit_events`],
  ])("is refused %s by the database itself", async (_op, statement) => {
    await expect(t.database.db.execute(statement)).rejects.toThrow();
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true });
  });

  it("names the first event that was changed behind the trigger's back", async () => {
    const events = await allEvents(t.database.db);
    const target = events[2];
    if (!target) throw new Error("not enough events");
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`);
      await tx.execute(sql`update audit_events set reason = 'rewritten' where seq = ${target.seq}`);
      await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`);
    });
    expect(await verifyChain(t.database.db)).toMatchObject({
      ok: false,
      firstBadSeq: target.seq,
      checked: target.seq - 1,
    });
    expect(await verifyChain(t.database.db, { fromSeq: target.seq + 1 })).toMatchObject({ ok: true });
  });
});

describe("canonical JSON", () => {
  it("sorts keys at every depth and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      '{"a":{"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it("writes an event's text as the canonical JSON array of its fields, whatever they hold", () => {
    const maybe = fc.option(fc.string({ unit: "grapheme" }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          id: fc.string(),
          occurredAt: fc.date({ min: new Date("1970-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }),
          actorType: fc.string(),
          actorId: maybe,
          actorName: fc.string({ unit: "grapheme" }),
          action: fc.string(),
          accountId: maybe,
          caseRef: maybe,
          reason: maybe,
          requestId: maybe,
          ip: maybe,
          details: fc.dictionary(fc.string(), fc.jsonValue()),
          prevHash: fc.string(),
        }),
        (event) => {
          const fields = [
            event.seq,
            event.id,
            event.occurredAt.toISOString(),
            event.actorType,
            event.actorId,
            event.actorName,
            event.action,
            event.accountId,
            event.caseRef,
            event.reason,
            event.requestId,
            event.ip,
            event.details,
            event.prevHash,
          ];
          expect(canonicalEventText(event)).toBe(canonicalJson(fields));
          expect(canonicalEventText({ ...event, occurredAt: event.occurredAt.toISOString() })).toBe(
            canonicalJson(fields),
          );
        },
      ),
    );
  });
});
