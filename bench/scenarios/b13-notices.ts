import { fileURLToPath } from "node:url";
import { type Database, openPostgres } from "@recovery-desk/api/db";
import { accounts } from "@recovery-desk/api/db/schema";
import type { AppDeps } from "@recovery-desk/api/deps";
import { DEFAULT_CONFIG } from "@recovery-desk/api/deps";
import { systemClock } from "@recovery-desk/api/lib/clock";
import { silentLogger } from "@recovery-desk/api/lib/logger";
import { drainDueNotices, NOTICE_SENDING } from "@recovery-desk/api/notify/notice-deliverer";
import { queueNotices } from "@recovery-desk/api/notify/notices";
import { smsWebhookNotifier } from "@recovery-desk/api/notify/sms-webhook";
import { like } from "drizzle-orm";
import postgres from "postgres";
import { type BenchContext, startChildServer } from "../lib/context.ts";
import { resultRow } from "../lib/result.ts";
import { round, summarize, timeConcurrently } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";

const DATABASE = "rd_bench_notices";
const RECEIVER = fileURLToPath(new URL("../lib/notice-receiver.ts", import.meta.url));
const NOTICES = 10_000;
const WARM_UP = 200;
/** Notices queued in one transaction while the queue is filled (the filling is not measured). */
const QUEUE_BATCH = 500;

/**
 * B13: the notice deliverer draining 10,000 queued notices (lift-lockout notices to a verified
 * phone, written by the API's own `queueNotices`) through the SMS webhook adapter to a local
 * `node:http` gateway in another process, against the same gateway sent 10,000 of the same POSTs
 * directly at the deliverer's concurrency (its batch). The deliverer runs as the server runs it:
 * `drainDueNotices`, passes one after another while they come back full. The notices live in a database of their own, so the
 * API's deliverer (on the bench database) never takes one.
 */
export async function b13(ctx: BenchContext): Promise<ScenarioResult[]> {
  const url = await freshDatabase(ctx);
  const database = await openPostgres({ url, max: 10 });
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const receiver = await startChildServer(RECEIVER, {});
  try {
    const concurrency = NOTICE_SENDING.batch;
    const sendTimes: number[] = [];
    const deliverer = (path: string): AppDeps => {
      const sms = smsWebhookNotifier({ url: `${receiver.baseUrl}${path}` });
      return {
        database,
        clock: systemClock,
        logger: silentLogger,
        config: { ...DEFAULT_CONFIG, demo: false },
        // Each send is timed, for the latency columns (the POST as the deliverer sees it).
        notifier: {
          async send(message) {
            const t0 = performance.now();
            await sms.send(message);
            sendTimes.push(performance.now() - t0);
          },
        },
      };
    };
    const direct = (path: string, messages: { to: string; text: string }[]) =>
      timeConcurrently(messages, concurrency, async (message) => {
        const res = await fetch(`${receiver.baseUrl}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(message),
        });
        await res.body?.cancel();
        if (!res.ok) throw new Error(`the gateway answered ${res.status}`);
      });

    // Warm-up: both ways, a few hundred notices each.
    await queueSms(database, sql, 0, WARM_UP);
    const warmMessages = await pendingMessages(sql);
    await drainDueNotices(deliverer("/warm-up/deliverer"));
    await direct("/warm-up/direct", warmMessages);
    sendTimes.length = 0;

    await queueSms(database, sql, WARM_UP, WARM_UP + NOTICES);
    // The same messages, for the direct POSTs.
    const messages = await pendingMessages(sql);
    if (messages.length !== NOTICES) throw new Error(`${messages.length} notices were queued, not ${NOTICES}`);
    const started = performance.now();
    await drainDueNotices(deliverer("/deliverer"));
    const seconds = (performance.now() - started) / 1000;
    const drained = summarize(`deliverer, ${concurrency} sends at once`, sendTimes, seconds);

    const directStarted = performance.now();
    const directTimes = await direct("/direct", messages);
    const directSeconds = (performance.now() - directStarted) / 1000;
    const baseline = summarize(`the gateway called directly, ${concurrency} at once`, directTimes, directSeconds);

    const statuses = await sql<{ status: string; n: string }[]>`
      select status, count(*) as n from notices where account_id like 'acc_bench_b13_%' group by status`;
    const sent = Number(statuses.find((s) => s.status === "sent")?.n ?? 0);
    const notSent = statuses.filter((s) => s.status !== "sent").map((s) => `${s.n} ${s.status}`);
    const counts = (await (await fetch(`${receiver.baseUrl}/counts`)).json()) as Record<string, number>;
    const received = counts["/deliverer"] ?? 0;
    const receivedDirect = counts["/direct"] ?? 0;
    const checked = sent === NOTICES + WARM_UP && notSent.length === 0 && received === NOTICES;
    ctx.log(
      `  ${sent.toLocaleString("en-US")} notices sent (warm-up included)${notSent.length ? `, ${notSent.join(", ")}` : ""}; ` +
        `the gateway received ${received.toLocaleString("en-US")} from the deliverer, ${receivedDirect.toLocaleString("en-US")} directly`,
    );
    const ratio = drained.throughput / baseline.throughput;
    return [
      resultRow({
        id: "B13",
        name: `notice deliverer draining ${NOTICES.toLocaleString("en-US")} queued notices to a local webhook`,
        measured: drained,
        baseline,
        ratio,
        target: "notices/s ≥ 0.5× the webhook called directly",
        pass: ratio >= 0.5 && checked,
        note:
          `The server's own drain (drainDueNotices: passes of ${concurrency} notices sent at once, one after another ` +
          `while they come back full) through the SMS webhook adapter, ${round(seconds, 2)} s; the direct POSTs ${round(directSeconds, 2)} s, ` +
          `${concurrency} in flight. Latency columns: each POST as the deliverer's adapter saw it, and as sent directly. ` +
          `${sent} of ${NOTICES + WARM_UP} notices ended sent${notSent.length ? ` (${notSent.join(", ")})` : ""}; ` +
          `the gateway received ${received} from the deliverer.`,
      }),
    ];
  } finally {
    await receiver.stop();
    await sql.end();
    await database.close();
  }
}

/** An empty database with this commit's migrations. */
async function freshDatabase(ctx: BenchContext): Promise<string> {
  const admin = postgres(ctx.serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe(`create database ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ctx.serverUrl);
  url.pathname = `/${DATABASE}`;
  const database = await openPostgres({ url: url.toString(), max: 1 });
  await database.migrate();
  await database.close();
  return url.toString();
}

/**
 * Accounts `from` … `to - 1`, each with only a verified phone, and the notice of a lifted lock
 * queued for each, as the unlock's transaction queues it (its report link included).
 */
async function queueSms(database: Database, sql: postgres.Sql, from: number, to: number) {
  await sql`
    insert into accounts (id, username, first_name, last_name, display_name, name_search, phone, phone_verified, status, created_at, updated_at)
    select 'acc_bench_b13_' || n, 'bench.b13.' || n, 'Bench', 'Owner ' || n, 'Bench Owner ' || n, 'bench owner ' || n,
      '+1555' || lpad(n::text, 7, '0'), true, 'active', now(), now()
    from generate_series(${from}::int, ${to - 1}::int) as n`;
  const fresh = (await database.db.select().from(accounts).where(like(accounts.id, "acc_bench_b13_%"))).filter(
    (a) => Number(a.id.slice("acc_bench_b13_".length)) >= from,
  );
  const at = new Date(Date.now() - 1000);
  for (let i = 0; i < fresh.length; i += QUEUE_BATCH) {
    await database.db.transaction(async (tx) => {
      for (const account of fresh.slice(i, i + QUEUE_BATCH)) {
        await queueNotices(tx, {
          kind: "notice",
          account,
          action: "account.unlocked",
          caseRef: "BENCH-B13",
          at,
          publicUrl: DEFAULT_CONFIG.publicUrl,
        });
      }
    });
  }
}

/** The messages of the pending notices, as the adapter posts them. */
async function pendingMessages(sql: postgres.Sql): Promise<{ to: string; text: string }[]> {
  const rows = await sql<{ recipient: string; body: string }[]>`
    select recipient, body from notices where status = 'pending' order by id`;
  return rows.map((r) => ({ to: r.recipient, text: r.body }));
}
