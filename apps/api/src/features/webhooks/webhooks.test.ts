import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CreatedWebhook } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appendAuditEvent, SYSTEM_ACTOR } from "../../audit/append.ts";
import { queryRows } from "../../db/rows.ts";
import { webhookDeliveries } from "../../db/schema/index.ts";
import { MINUTE } from "../../lib/clock.ts";
import { accountByUsername } from "../../test/accounts.ts";
import { allEvents, eventsOf } from "../../test/audit.ts";
import { answerOf, createTestContext, type TestContext } from "../../test/context.ts";
import { createKey } from "../../test/hostile/callers.ts";
import { verifyByQuestions } from "../../test/verify.ts";
import { failureOf, sendDueWebhooks, WEBHOOK_SENDING, type WebhookSendOptions } from "./send.ts";

/** A receiver on this machine: records each request and answers the next status in `answers` (200 when none is left). */
interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string }[];
  answers: number[];
  server: Server;
}

async function startReceiver(): Promise<Receiver> {
  const receiver: Receiver = { url: "", received: [], answers: [], server: createServer() };
  receiver.server.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(receiver.answers.shift() ?? 200, { "content-type": "text/plain" });
      res.end("thanks, and a body that is not kept");
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

/** Quick retries for tests; no jitter, so the wait is known. */
const FAST: WebhookSendOptions = { ...WEBHOOK_SENDING, timeoutMs: 2_000, baseDelayMs: 1_000, random: () => 1 };

let t: TestContext;
let admin: string;
let receiver: Receiver;
let mariaId: string;

beforeEach(async () => {
  t = await createTestContext();
  admin = await t.signIn("ada.admin");
  receiver = await startReceiver();
  mariaId = (await accountByUsername(t.database.db, "maria.lopez")).id;
});
afterEach(async () => {
  receiver.server.closeAllConnections();
  await new Promise((resolve) => receiver.server.close(resolve));
  await t.close();
});

const addWebhook = async (events: CreatedWebhook["events"] = ["account.unlocked"], url = receiver.url) =>
  answerOf(await t.api(admin).webhooks.$post({ json: { url, events } }), 201);

const deliveries = () => t.database.db.select().from(webhookDeliveries);

async function unlockMaria() {
  const ava = await t.signIn("ava.agent");
  await verifyByQuestions(t, ava, mariaId, ["Biscuit", "San Antonio"], "CASE-7");
  const res = await t.api(ava).accounts[":id"].unlock.$post({
    param: { id: mariaId },
    json: { reason: "Verified caller; Biscuit is the dog" },
  });
  await answerOf(res, 200);
}

/** Checks the Standard Webhooks signature as a receiver would, at the app's time (its clock is a test clock). */
function verified(secret: string, request: { headers: IncomingHttpHeaders; body: string }): unknown {
  vi.useFakeTimers({ toFake: ["Date"], now: t.clock.now() });
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

describe("webhooks", () => {
  it("are added by an admin with a secret shown once, listed and audited without it", async () => {
    const created = await addWebhook(["account.unlocked", "account.locked", "account.unlocked"]);
    expect(created).toMatchObject({ url: receiver.url, events: ["account.unlocked", "account.locked"], pending: 0 });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await answerOf(await t.api(admin).webhooks.$get(), 200);
    expect(list.items).toEqual([expect.objectContaining({ id: created.id, createdBy: "ada.admin" })]);
    expect(JSON.stringify(list)).not.toContain(created.secret.slice(6));
    const [event] = await eventsOf(t.database.db, "webhook.created");
    expect(event?.details).toEqual({ webhookId: created.id, url: receiver.url, events: created.events });
    expect(JSON.stringify(await allEvents(t.database.db))).not.toContain(created.secret.slice(6));
  });

  it.each([
    ["no address", "   ", false],
    ["not a URL", "hooks.example.com/x", false],
    ["plain http outside demo mode", "http://hooks.example.com/x", false],
    ["a user name and password", "https://user:pass@hooks.example.com/x", false],
    ["a fragment", "https://hooks.example.com/x#frag", false],
    ["another scheme", "ftp://hooks.example.com/x", false],
  ])("refuse %s and write nothing", async (_label, url) => {
    const strict = await createTestContext({ demo: false });
    try {
      const cookie = await strict.signIn("ada.admin");
      const res = await strict.api(cookie).webhooks.$post({ json: { url, events: ["account.locked"] } });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: "validation_failed",
        errors: [{ path: expect.stringMatching(/^(body|json)\.url$/) }],
      });
      expect(await strict.database.db.select().from(webhookDeliveries)).toEqual([]);
      expect(await eventsOf(strict.database.db, "webhook.created")).toEqual([]);
      const ok = await strict.api(cookie).webhooks.$post({
        json: { url: "https://hooks.example.com/x?tenant=7", events: ["account.locked"] },
      });
      expect(ok.status).toBe(201);
      // The audit trail keeps the address without its query.
      expect((await eventsOf(strict.database.db, "webhook.created"))[0]?.details).toMatchObject({
        url: "https://hooks.example.com/x",
      });
    } finally {
      await strict.close();
    }
  });

  it("refuse no events and an unknown event", async () => {
    for (const events of [[], ["account.viewed"]]) {
      const res = await t.request("/api/v1/webhooks", { cookie: admin, body: { url: receiver.url, events } });
      expect(res.status).toBe(400);
    }
  });

  it("are for admins only: an agent, a supervisor and an API key are refused", async () => {
    const created = await addWebhook();
    const key = await createKey(t, admin, "every scope", ["accounts:read", "accounts:write", "audit:read"]);
    const callers = [
      { cookie: await t.signIn("ava.agent") },
      { cookie: await t.signIn("sam.supervisor") },
      { headers: { authorization: `Bearer ${key.key}` } },
    ];
    for (const caller of callers) {
      const calls = [
        t.request("/api/v1/webhooks", { ...caller }),
        t.request("/api/v1/webhooks", { ...caller, body: { url: receiver.url, events: ["account.locked"] } }),
        t.request(`/api/v1/webhooks/${created.id}`, { ...caller, method: "DELETE" }),
        t.request(`/api/v1/webhooks/${created.id}/deliveries`, { ...caller }),
      ];
      for (const res of await Promise.all(calls)) expect(res.status).toBe(403);
    }
    expect((await answerOf(await t.api(admin).webhooks.$get(), 200)).items).toHaveLength(1);
  });

  it("deliver an unlock signed the Standard Webhooks way, retrying after a 500 until the receiver takes it", async () => {
    const created = await addWebhook(["account.unlocked"]);
    receiver.answers.push(500);
    await unlockMaria();

    const [queued] = await deliveries();
    expect(queued).toMatchObject({ webhookId: created.id, event: "account.unlocked", status: "pending", attempts: [] });

    expect(await sendDueWebhooks(t.deps, FAST)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    // Not due again before its back-off ends (1 s for the first retry here).
    t.clock.advance(500);
    expect(await sendDueWebhooks(t.deps, FAST)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    t.clock.advance(600);
    expect(await sendDueWebhooks(t.deps, FAST)).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(2);

    const [first, second] = receiver.received;
    if (!first || !second) throw new Error("two requests expected");
    // The same webhook-id on a retry, so the receiver can drop a repeat.
    expect(second.headers["webhook-id"]).toBe(first.headers["webhook-id"]);
    expect(second.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Object.keys(JSON.parse(second.body))).toEqual(["type", "timestamp", "data"]);
    expect(verified(created.secret, second)).toMatchObject({
      type: "account.unlocked",
      data: { accountId: mariaId, caseRef: "CASE-7", actor: { type: "staff" }, verifiedBy: "security_questions" },
    });
    expect(() => verified("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", second)).toThrow();
    // Ids and plain facts only: not the reason typed, not an answer, not the secret.
    for (const secretish of ["Biscuit", "San Antonio", created.secret.slice(6)]) {
      expect(second.body).not.toContain(secretish);
    }

    const page = await answerOf(
      await t.api(admin).webhooks[":id"].deliveries.$get({ param: { id: created.id }, query: {} }),
      200,
    );
    expect(page.items).toEqual([
      expect.objectContaining({
        id: first.headers["webhook-id"],
        event: "account.unlocked",
        status: "delivered",
        nextAttemptAt: null,
        attempts: [
          expect.objectContaining({ statusCode: 500, error: "HTTP 500" }),
          expect.objectContaining({ statusCode: 200, error: null }),
        ],
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain("not kept");
    expect(JSON.stringify(page)).not.toContain(created.secret.slice(6));
  });

  it("queue nothing when the change does not commit", async () => {
    await addWebhook(["account.unlocked"]);
    // Refused (no verified window): nothing changed, nothing queued.
    const ava = await t.signIn("ava.agent");
    const refused = await t.request(`/api/v1/accounts/${mariaId}/unlock`, { cookie: ava, body: { reason: "x" } });
    expect(refused.status).toBe(403);
    // An audited change whose transaction fails after the append.
    await expect(
      t.database.db.transaction(async (tx) => {
        await appendAuditEvent(tx, {
          at: t.clock.now(),
          actor: SYSTEM_ACTOR,
          action: "account.unlocked",
          origin: { requestId: null, ip: null },
          accountId: mariaId,
        });
        expect(await tx.select().from(webhookDeliveries)).toHaveLength(1);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliveries()).toEqual([]);
  });

  it("queue only the events a webhook chose, one delivery per webhook", async () => {
    await addWebhook(["account.locked"]);
    await addWebhook(["account.unlocked", "account.locked"]);
    await unlockMaria();
    expect((await deliveries()).map((d) => d.event)).toEqual(["account.unlocked"]);
  });

  it("give up after the last attempt, and a timeout counts as a failure", async () => {
    const created = await addWebhook(["account.unlocked"]);
    receiver.answers.push(503);
    receiver.server.removeAllListeners("request");
    receiver.server.on("request", (req, res) => {
      receiver.received.push({ headers: req.headers, body: "" });
      const status = receiver.answers.shift();
      if (status) res.writeHead(status).end();
      // else: never answers.
    });
    await unlockMaria();
    const options = { ...FAST, maxAttempts: 2, timeoutMs: 300 };
    expect(await sendDueWebhooks(t.deps, options)).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    t.clock.advance(MINUTE);
    expect(await sendDueWebhooks(t.deps, options)).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    const [row] = await deliveries();
    expect(row).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(row?.attempts.map((a) => a.error)).toEqual(["HTTP 503", "timeout"]);
    t.clock.advance(10 * MINUTE);
    expect(await sendDueWebhooks(t.deps, options)).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect((await answerOf(await t.api(admin).webhooks.$get(), 200)).items[0]).toMatchObject({
      id: created.id,
      failed: 1,
      pending: 0,
    });
  });

  it("are sent once when two senders run at the same time", async () => {
    await addWebhook(["account.unlocked"]);
    await addWebhook(["account.unlocked"]);
    await unlockMaria();
    const results = await Promise.all([sendDueWebhooks(t.deps, FAST), sendDueWebhooks(t.deps, FAST)]);
    expect(results.reduce((sum, r) => sum + r.delivered, 0)).toBe(2);
    expect(receiver.received).toHaveLength(2);
    expect(new Set(receiver.received.map((r) => r.headers["webhook-id"])).size).toBe(2);
  });

  it("count the backlog in the metrics", async () => {
    await addWebhook(["account.unlocked"]);
    await unlockMaria();
    const text = await (await t.request("/metrics")).text();
    expect(text).toMatch(/^recovery_desk_webhook_deliveries_pending 1$/m);
  });

  it("are deleted with their deliveries, audited, and then not found", async () => {
    const created = await addWebhook(["account.unlocked"]);
    await unlockMaria();
    const removed = await t.api(admin).webhooks[":id"].$delete({ param: { id: created.id } });
    expect(removed.status).toBe(204);
    expect(await deliveries()).toEqual([]);
    const rows = await queryRows(t.database.db, sql`select count(*)::int as n from webhooks`);
    expect(rows[0]).toEqual({ n: 0 });
    expect((await eventsOf(t.database.db, "webhook.deleted"))[0]?.details).toMatchObject({ webhookId: created.id });
    expect((await t.request(`/api/v1/webhooks/${created.id}`, { cookie: admin, method: "DELETE" })).status).toBe(404);
    expect((await t.request(`/api/v1/webhooks/${created.id}/deliveries`, { cookie: admin })).status).toBe(404);
  });

  it("page deliveries newest first", async () => {
    const created = await addWebhook(["account.unlocked", "account.locked"]);
    for (let i = 0; i < 3; i++) {
      await t.database.db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: t.clock.now(),
          actor: SYSTEM_ACTOR,
          action: "account.locked",
          origin: { requestId: null, ip: null },
          accountId: mariaId,
          details: { lockKind: "hard", deliveredTo: "m••••@example.com" },
        }),
      );
      t.clock.advance(1000);
    }
    const first = await answerOf(
      await t.api(admin).webhooks[":id"].deliveries.$get({ param: { id: created.id }, query: { limit: "2" } }),
      200,
    );
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await answerOf(
      await t.api(admin).webhooks[":id"].deliveries.$get({
        param: { id: created.id },
        query: { limit: "2", cursor: first.nextCursor ?? "" },
      }),
      200,
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items].map((d) => d.createdAt);
    expect(all).toEqual([...all].sort().reverse());
    // A masked contact in the audit details stays out of the payload.
    const [row] = await deliveries();
    expect(JSON.stringify(row?.payload)).not.toContain("example.com");
    expect(row?.payload).toMatchObject({ type: "account.locked", data: { lockKind: "hard" } });
  });
});

describe("a failed attempt's reason", () => {
  it("names no address, so a token in a receiver's query never reaches the console", () => {
    const reason = failureOf(new TypeError("Failed to parse URL from https://hooks.example/in?token=s3cret-value"));
    expect(reason).toBe("Failed to parse URL from <address>");
    expect(failureOf(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toBe(
      "ECONNREFUSED",
    );
  });
});
