import type { AccountDetail, CreatedApiKey, RiskView } from "@recovery-desk/shared";
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAuditEvent } from "../../audit/append.ts";
import { accounts, auditEvents } from "../../db/schema/index.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { sendKimTemporaryPassword } from "../../test/temporary-password.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestContext;
let agent: string;
let admin: string;

beforeEach(async () => {
  t = await createTestContext();
  agent = await t.signIn("ava.agent");
  admin = await t.signIn("ada.admin");
});
afterEach(() => t.close());

/** Time passes; the agent signs in again (sessions end after a while). */
const later = async (ms: number) => {
  t.clock.advance(ms);
  agent = await t.signIn("ava.agent");
};

const idOf = async (username: string) => (await accountByUsername(t.database.db, username)).id;

/** The risk as both reads answer it; they must agree. */
const riskOf = async (accountId: string): Promise<RiskView> => {
  const res = await t.request(`/api/v1/accounts/${accountId}/risk`, { cookie: agent });
  expect(res.status).toBe(200);
  const risk = (await res.json()) as RiskView;
  const detail = await t.request(`/api/v1/accounts/${accountId}`, { cookie: agent });
  expect(((await detail.json()) as AccountDetail).risk).toEqual(risk);
  return risk;
};
const codes = (risk: RiskView) => risk.signals.map((s) => `${s.code}:${s.level}`);

const startVerification = (accountId: string, method: string) =>
  t.request(`/api/v1/accounts/${accountId}/verifications`, { cookie: agent, body: { method, caseRef: "CASE-9" } });

const keyWith = async (scopes: string[]) => {
  const res = await t.request("/api/v1/api-keys", { cookie: admin, body: { name: `Record ${scopes[0]}`, scopes } });
  expect(res.status).toBe(201);
  return ((await res.json()) as CreatedApiKey).key;
};
const reportEvent = (key: string, body: unknown) =>
  t.request("/api/v1/account-events", { body, headers: { authorization: `Bearer ${key}` } });
const auditCount = async () => (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;

describe("an account's risk", () => {
  it("is low with no signals for a quiet account, in the detail and on its own", async () => {
    expect(await riskOf(await idOf("ana.silva"))).toEqual({ level: "low", signals: [] });
  });

  it("counts failed verifications across agents: one is elevated, three are high", async () => {
    const ana = await idOf("ana.silva");
    const wrong = async () => {
      const started = await startVerification(ana, "security_questions");
      const v = (await started.json()) as { id: string; questions: { id: string }[] };
      await t.request(`/api/v1/verifications/${v.id}/answers`, {
        cookie: agent,
        body: { answers: v.questions.map((q) => ({ questionId: q.id, answer: "Wrong" })) },
      });
    };
    await wrong();
    const one = await riskOf(ana);
    expect(one).toMatchObject({
      level: "elevated",
      signals: [
        {
          code: "verification_failures",
          reason: "1 failed verification attempt in the last 24 hours, across all agents.",
          since: t.clock.now().toISOString(),
        },
      ],
    });
    await wrong();
    await wrong();
    expect(codes(await riskOf(ana))).toEqual(["verification_failures:high"]);
    await later(DAY);
    expect(await riskOf(ana)).toEqual({ level: "low", signals: [] });
  });

  it("counts codes sent: three in 24 hours are elevated", async () => {
    const kim = await idOf("kim.nguyen");
    for (let i = 0; i < 2; i++) expect((await startVerification(kim, "otp_email")).status).toBe(201);
    expect(codes(await riskOf(kim))).toEqual([]);
    expect((await startVerification(kim, "otp_sms")).status).toBe(201);
    expect(codes(await riskOf(kim))).toEqual(["code_send_velocity:elevated"]);
  });

  it("marks a desk recovery for 7 days", async () => {
    const kim = await idOf("kim.nguyen");
    await sendKimTemporaryPassword(t, agent);
    await later(DAY);
    const risk = await riskOf(kim);
    expect(risk.level).toBe("elevated");
    expect(risk.signals).toEqual([
      expect.objectContaining({
        code: "recent_recovery",
        reason: "The desk recovered this account yesterday: a temporary password was issued.",
      }),
    ]);
    await later(6 * DAY);
    expect(codes(await riskOf(kim))).toEqual([]);
  });

  it("is high for 30 days after the owner's report", async () => {
    const ana = await idOf("ana.silva");
    await t.database.db.transaction((tx) =>
      appendAuditEvent(tx, {
        at: t.clock.now(),
        actor: { type: "system", id: null, name: "test" },
        action: "account.recovery_reported",
        origin: { requestId: null, ip: null },
        accountId: ana,
        details: {},
      }),
    );
    await later(29 * DAY);
    expect(codes(await riskOf(ana))).toEqual(["reported_by_owner:high"]);
    await later(DAY);
    expect(codes(await riskOf(ana))).toEqual([]);
  });

  it("answers 404 for an unknown account and needs a signed-in agent", async () => {
    expect((await problemOf(await t.request("/api/v1/accounts/acc_nobody/risk", { cookie: agent }), 404)).code).toBe(
      "not_found",
    );
    expect((await t.request(`/api/v1/accounts/${await idOf("ana.silva")}/risk`)).status).toBe(401);
  });
});

describe("contact changes from the system of record", () => {
  it("records a phone change: audited, risk high for 72 hours, elevated to 30 days", async () => {
    const key = await keyWith(["accounts:write"]);
    const ana = await idOf("ana.silva");
    const at = new Date(t.clock.now().getTime() - HOUR).toISOString();
    const res = await reportEvent(key, { username: "ana.silva", kind: "phone_changed", occurredAt: at });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "accepted" });
    expect((await accountByUsername(t.database.db, "ana.silva")).phoneChangedAt?.toISOString()).toBe(at);
    const [event] = await eventsOf(t.database.db, "account.updated");
    expect(event).toMatchObject({
      accountId: ana,
      actorType: "api_key",
      details: { changed: ["phone"], occurredAt: at },
    });
    expect(await riskOf(ana)).toMatchObject({
      level: "high",
      signals: [
        {
          code: "contact_recently_changed",
          level: "high",
          reason: "The phone number on file changed an hour ago.",
          since: at,
        },
      ],
    });
    await later(3 * DAY);
    expect(codes(await riskOf(ana))).toEqual(["contact_recently_changed:elevated"]);
    await later(27 * DAY);
    expect(codes(await riskOf(ana))).toEqual([]);
  });

  it("never moves the time back, and writes nothing for an earlier time or an unknown username", async () => {
    const key = await keyWith(["accounts:write"]);
    const now = t.clock.now().getTime();
    const later = new Date(now - HOUR).toISOString();
    expect((await reportEvent(key, { username: "kim.nguyen", kind: "email_changed", occurredAt: later })).status).toBe(
      202,
    );
    const before = await auditCount();
    const earlier = new Date(now - 5 * DAY).toISOString();
    expect(
      (await reportEvent(key, { username: "kim.nguyen", kind: "email_changed", occurredAt: earlier })).status,
    ).toBe(202);
    const unknown = await reportEvent(key, { username: "no.such.person", kind: "phone_changed", occurredAt: later });
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ status: "accepted" });
    expect(await auditCount()).toBe(before);
    const [kim] = await t.database.db.select().from(accounts).where(eq(accounts.username, "kim.nguyen"));
    expect(kim?.emailChangedAt?.toISOString()).toBe(later);
  });

  it("refuses bad input and the wrong key, changing nothing", async () => {
    const reader = await keyWith(["accounts:read"]);
    const writer = await keyWith(["accounts:write"]);
    const before = await auditCount();
    const good = { username: "ana.silva", kind: "phone_changed", occurredAt: t.clock.now().toISOString() };
    expect((await reportEvent(reader, good)).status).toBe(403);
    for (const bad of [
      { ...good, kind: "address_changed" },
      { ...good, occurredAt: "yesterday" },
      { ...good, occurredAt: new Date(t.clock.now().getTime() + DAY).toISOString() },
      { kind: "phone_changed", occurredAt: good.occurredAt },
    ]) {
      expect((await problemOf(await reportEvent(writer, bad), 400)).code).toBe("validation_failed");
    }
    expect((await accountByUsername(t.database.db, "ana.silva")).phoneChangedAt).toBeNull();
    expect(await auditCount()).toBe(before);
  });
});
