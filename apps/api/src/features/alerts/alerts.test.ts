import { encodeBase64urlNoPadding } from "@oslojs/encoding";
import type { Alert } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { StaffPrincipal } from "../../auth/principal.ts";
import { alerts, reportTokens, staff } from "../../db/schema/index.ts";
import { DAY, HOUR } from "../../lib/clock.ts";
import { sendDueNotices } from "../../notify/notice-deliverer.ts";
import { reportTokenHash } from "../../notify/notices.ts";
import { DeliveryError } from "../../notify/notifier.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, problemOf, type TestContext } from "../../test/context.ts";
import { queueMariasNotices } from "../../test/notices.ts";
import { sendKimTemporaryPassword } from "../../test/temporary-password.ts";
import { verifyByQuestions } from "../../test/verify.ts";
import { type AgentActivity, countAgentActivity, raiseAlert } from "./raise.ts";

let t: TestContext;
afterEach(() => t?.close());

const list = async (
  cookie: string,
  query: { status?: "open" | "acknowledged"; limit?: string; cursor?: string } = {},
) => answerOf(await t.api(cookie).alerts.$get({ query }), 200);

const acknowledge = (cookie: string, id: string, note: unknown) =>
  t.request(`/api/v1/alerts/${id}/acknowledge`, { cookie, body: { note } });

/** Raises an alert directly, as a cause's transaction would. */
const raise = (detail: string, at = t.clock.now()) =>
  t.database.db.transaction((tx) =>
    raiseAlert(tx, { kind: "notice_undeliverable", detail, at, origin: { requestId: null, ip: null } }),
  );

/** Counts activity for a staff member in its own transaction, as a recovery action or failed verification would. */
async function activity(username: string, what: AgentActivity, times = 1): Promise<void> {
  const [member] = await t.database.db.select().from(staff).where(eq(staff.username, username));
  if (!member) throw new Error(`no staff ${username}`);
  const principal = { kind: "staff", id: member.id, username, role: member.role } as StaffPrincipal;
  const scope = { deps: t.deps, staff: principal, origin: { requestId: null, ip: null } };
  for (let i = 0; i < times; i++) {
    await t.database.db.transaction((tx) => countAgentActivity(scope, tx, what, t.clock.now()));
  }
}

const rowsOf = (kind: Alert["kind"]) => t.database.db.select().from(alerts).where(eq(alerts.kind, kind));

describe("alerts raised by their causes", () => {
  it("an owner's report raises a high alert on the account, in the report's transaction, with alert.raised", async () => {
    t = await createTestContext();
    const maria = await accountByUsername(t.database.db, "maria.lopez");
    const token = encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
    await t.database.db.insert(reportTokens).values({
      id: "rpt_alerts1",
      tokenHash: reportTokenHash(token),
      accountId: maria.id,
      action: "account.temporary_password_issued",
      caseRef: "CASE-7",
      channel: "email",
      createdAt: t.clock.now(),
      expiresAt: new Date(t.clock.now().getTime() + 30 * DAY),
    });
    expect((await t.request("/api/v1/reports", { body: { token } })).status).toBe(202);

    const sam = await t.signIn("sam.supervisor");
    const page = await list(sam, { status: "open" });
    expect(page.open).toBe(1);
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: "recovery_reported",
        severity: "high",
        accountId: maria.id,
        accountUsername: "maria.lopez",
        staffId: null,
        status: "open",
        detail:
          "The owner reported the temporary password of case CASE-7 as not theirs. The account is held until a supervisor lifts it.",
      }),
    ]);
    const [raised] = await eventsOf(t.database.db, "alert.raised");
    expect(raised).toMatchObject({
      actorType: "system",
      actorName: "supervisor alerts",
      accountId: maria.id,
      details: { alertId: page.items[0]?.id, kind: "recovery_reported", severity: "high" },
    });
  });

  it("a notice given up raises one alert per notice, naming no address", async () => {
    const notifier = {
      send: async () => {
        throw new DeliveryError("email", "the mail server refused the message");
      },
    };
    t = await createTestContext({}, { notifier });
    const mariaId = await queueMariasNotices(t);
    const once = {
      batch: 20,
      timeoutMs: 1_000,
      maxAttempts: 1,
      baseDelayMs: 1_000,
      maxDelayMs: 1_000,
      random: () => 1,
    };
    expect(await sendDueNotices(t.deps, once)).toEqual({ sent: 0, retrying: 0, failed: 2 });

    const raised = await rowsOf("notice_undeliverable");
    expect(raised.map((r) => r.detail).sort()).toEqual([
      "The notice of the unlock of case CASE-7 could not be delivered by email after 1 attempts. The owner may not know of it; reach them another way.",
      "The notice of the unlock of case CASE-7 could not be delivered by text message after 1 attempts. The owner may not know of it; reach them another way.",
    ]);
    for (const row of raised) {
      expect(row).toMatchObject({ accountId: mariaId, severity: "medium", status: "open" });
      expect(row.detail).not.toContain("example.com");
      expect(row.detail).not.toContain("5550142");
    }
  });

  it("an agent past the recovery-action threshold gets one alert an hour-window, however far past", async () => {
    t = await createTestContext({ alertThresholds: { recoveryActionsPerHour: 3, failedVerificationsPerHour: 10 } });
    await activity("ava.agent", "recovery_action", 3);
    expect(await rowsOf("agent_velocity")).toEqual([]);
    await activity("ava.agent", "recovery_action", 1);
    await activity("ava.agent", "recovery_action", 5);
    // Another agent's count is their own.
    await activity("sam.supervisor", "recovery_action", 3);
    const [one, ...more] = await rowsOf("agent_velocity");
    expect(more).toEqual([]);
    expect(one?.detail).toBe(
      "ava.agent took more than 3 recovery actions (unlocks, reactivations, temporary passwords, username reminders) within an hour.",
    );
    // The window started with the first action; an hour later the count starts again.
    t.clock.advance(HOUR);
    await activity("ava.agent", "recovery_action", 3);
    expect(await rowsOf("agent_velocity")).toHaveLength(1);
    await activity("ava.agent", "recovery_action", 1);
    expect(await rowsOf("agent_velocity")).toHaveLength(2);
  });

  it("counts atomically: of many actions at once past the threshold, exactly one raises the alert", async () => {
    t = await createTestContext({ alertThresholds: { recoveryActionsPerHour: 20, failedVerificationsPerHour: 4 } });
    const [member] = await t.database.db.select().from(staff).where(eq(staff.username, "ava.agent"));
    const principal = { kind: "staff", id: member?.id, username: "ava.agent", role: "agent" } as StaffPrincipal;
    const scope = { deps: t.deps, staff: principal, origin: { requestId: null, ip: null } };
    await Promise.all(
      Array.from({ length: 12 }, () =>
        t.database.db.transaction((tx) => countAgentActivity(scope, tx, "failed_verification", t.clock.now())),
      ),
    );
    expect(await rowsOf("agent_failures")).toHaveLength(1);
    expect(await rowsOf("agent_velocity")).toEqual([]);
  });

  it("is wired to real actions: an unlock and a temporary password count, and a failed verification", async () => {
    t = await createTestContext({ alertThresholds: { recoveryActionsPerHour: 1, failedVerificationsPerHour: 0 } });
    const ava = await t.signIn("ava.agent");
    const maria = await accountByUsername(t.database.db, "maria.lopez");
    await verifyByQuestions(t, ava, maria.id, ["Biscuit", "San Antonio"], "CASE-7");
    await answerOf(
      await t.api(ava).accounts[":id"].unlock.$post({ param: { id: maria.id }, json: { reason: "Caller verified" } }),
      200,
    );
    expect(await rowsOf("agent_velocity")).toEqual([]);
    await sendKimTemporaryPassword(t, ava);
    expect(await rowsOf("agent_velocity")).toHaveLength(1);

    const tom = await accountByUsername(t.database.db, "tom.becker");
    await expect(verifyByQuestions(t, ava, tom.id, ["wrong", "wrong"])).rejects.toThrow();
    const [failures] = await rowsOf("agent_failures");
    expect(failures).toMatchObject({ accountId: null, status: "open", severity: "medium" });
    expect(failures?.detail).toBe("ava.agent had more than 0 failed verifications within an hour.");
  });
});

describe("GET /alerts", () => {
  it("lists newest first, by status, paged, with the number open in all; supervisors and admins only", async () => {
    t = await createTestContext();
    for (let i = 1; i <= 3; i++) {
      await raise(`alert ${i}`);
      t.clock.advance(60_000);
    }
    const sam = await t.signIn("sam.supervisor");
    const first = await list(sam, { limit: "2" });
    expect(first.items.map((a) => a.detail)).toEqual(["alert 3", "alert 2"]);
    expect(first.open).toBe(3);
    const second = await list(sam, { limit: "2", cursor: first.nextCursor ?? "" });
    expect(second.items.map((a) => a.detail)).toEqual(["alert 1"]);
    expect(second.nextCursor).toBeNull();

    await answerOf(
      await t
        .api(sam)
        .alerts[":id"].acknowledge.$post({ param: { id: first.items[0]?.id ?? "" }, json: { note: "Seen to." } }),
      200,
    );
    expect((await list(sam, { status: "open" })).items.map((a) => a.detail)).toEqual(["alert 2", "alert 1"]);
    expect((await list(sam, { status: "acknowledged" })).items.map((a) => a.detail)).toEqual(["alert 3"]);
    expect((await list(sam)).open).toBe(2);

    expect((await list(await t.signIn("ada.admin"))).items).toHaveLength(3);
    await problemOf(await t.api(await t.signIn("ava.agent")).alerts.$get({ query: {} }), 403);
  });
});

describe("POST /alerts/:id/acknowledge", () => {
  it("records who, when and the trimmed note, audited; twice is 409 naming who did", async () => {
    t = await createTestContext();
    await raise("a notice could not be delivered");
    const sam = await t.signIn("sam.supervisor");
    const [open] = (await list(sam)).items;
    const id = open?.id ?? "";

    const done = await answerOf(
      await t.api(sam).alerts[":id"].acknowledge.$post({ param: { id }, json: { note: "  Called the owner.  " } }),
      200,
    );
    expect(done).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "sam.supervisor",
      acknowledgedAt: t.clock.now().toISOString(),
      note: "Called the owner.",
    });
    const [event] = await eventsOf(t.database.db, "alert.acknowledged");
    expect(event).toMatchObject({
      actorType: "staff",
      actorName: "sam.supervisor",
      reason: "Called the owner.",
      details: { alertId: id, kind: "notice_undeliverable" },
    });

    const again = await problemOf(await acknowledge(await t.signIn("ada.admin"), id, "Me too."), 409);
    expect(again).toMatchObject({
      code: "conflict",
      detail: "This alert was already acknowledged by sam.supervisor at 2026-11-23 15:00 UTC.",
    });
    expect(await eventsOf(t.database.db, "alert.acknowledged")).toHaveLength(1);
  });

  it("refuses a missing, blank or too long note and changes nothing; an unknown alert is 404; agents 403", async () => {
    t = await createTestContext();
    await raise("something");
    const sam = await t.signIn("sam.supervisor");
    const id = (await list(sam)).items[0]?.id ?? "";
    for (const note of [undefined, "", "   ", "x".repeat(501), 42]) {
      expect((await problemOf(await acknowledge(sam, id, note), 400)).code).toBe("validation_failed");
    }
    expect((await problemOf(await acknowledge(sam, "alr_unknown", "Seen."), 404)).code).toBe("not_found");
    expect((await problemOf(await acknowledge(await t.signIn("ava.agent"), id, "Seen."), 403)).code).toBe("forbidden");
    expect((await list(sam)).items[0]?.status).toBe("open");
    expect(await eventsOf(t.database.db, "alert.acknowledged")).toEqual([]);
  });
});
