import { readFileSync } from "node:fs";
import type { StaffPrincipal } from "@recovery-desk/api/auth/principal";
import { openPostgres } from "@recovery-desk/api/db";
import { type AppDeps, DEFAULT_CONFIG } from "@recovery-desk/api/deps";
import { liftLockout } from "@recovery-desk/api/features/recovery/lift-and-reactivate";
import { systemClock } from "@recovery-desk/api/lib/clock";
import { silentLogger } from "@recovery-desk/api/lib/logger";
import { outboxNotifier } from "@recovery-desk/api/notify/outbox";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { measureLoad } from "../lib/load.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { round, summarize, timeConcurrently } from "../lib/stats.ts";
import type { Measurement, ScenarioResult } from "../lib/types.ts";

const CLIENTS = 16;
const BENCH_AGENT: StaffPrincipal = {
  kind: "staff",
  id: "stf_bench_agent",
  username: "bench.agent",
  displayName: "bench.agent",
  role: "agent",
  sessionId: "bench",
};
const ACTION = { reason: "Caller verified on the phone", caseRef: "BENCH-B5" };

/**
 * B5: lifting a lockout end to end — the window check, the state change, the chained audit event
 * and the owner's notices (one to each verified channel) in one transaction — at 16 concurrent
 * clients, against a bare single-row INSERT
 * transaction at the same concurrency. Both are driven the same way: 16 clients in this process on
 * a pool of 16 connections, the unlock through the API's own `liftLockout`. The same unlocks are
 * also sent through HTTP (16 connections), for the record and for B10: the API's resident memory is
 * sampled during that run.
 */
export async function b5(ctx: BenchContext): Promise<ScenarioResult[]> {
  const httpCount = ctx.quick ? 300 : 2_000;
  const txCount = ctx.quick ? 1_000 : 6_000;
  const ids = sampleAccounts(ctx.size, 64 + httpCount + txCount, (a) => a.status === "locked" && a.hardLock, 500).map(
    (s) => s.account.id,
  );
  const sql = postgres(ctx.databaseUrl, { max: CLIENTS, onnotice: () => {} });
  const database = await openPostgres({ url: ctx.databaseUrl, max: CLIENTS });
  try {
    // The bench's fixture: these accounts are hard-locked again (earlier runs lifted the locks), their
    // email and phone (when they have one) are verified, so each unlock queues a notice to each, and
    // the bench agent holds a verified window for each, as after a call's verification.
    await sql`
      update accounts set status = 'locked', status_reason = 'failed_logins', lock_kind = 'hard',
        locked_at = now() - interval '10 minutes', locked_until = null, failed_login_count = 5,
        failed_login_window_started_at = now() - interval '10 minutes',
        email_verified = email is not null, phone_verified = phone is not null
      where id in ${sql(ids)}`;
    const [channels] = await sql<{ expected: string }[]>`
      select sum((email is not null)::int + (phone is not null)::int) as expected from accounts where id in ${sql(ids)}`;
    const expectedNotices = Number(channels?.expected ?? 0);
    const unlockedIds = [...ids];
    const since = new Date(Date.now() - 1000);
    await sql`
      insert into verifications (id, account_id, staff_id, method, case_ref, status, created_at, expires_at, verified_at, verified_until, evidence)
      select 'ver_bench_' || md5(random()::text), id, ${BENCH_AGENT.id}, 'security_questions', ${ACTION.caseRef}, 'verified',
        now(), now() + interval '10 minutes', now(), now() + interval '15 minutes', '["knowledge"]'::jsonb
      from unnest(${sql.array(ids)}::text[]) as t(id)`;
    const warmHttp = ids.splice(0, 32);
    const warmTx = ids.splice(0, 32);
    const overHttp = ids.splice(0, httpCount);

    // Through HTTP, with the API's memory sampled (B10).
    const pid = ctx.api.pid;
    const idle = rssMb(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 50);
    const plan = (list: string[]) => ({
      baseUrl: ctx.api.baseUrl,
      connections: CLIENTS,
      seconds: 300,
      amount: list.length,
      requests: list.map((id, i) => ({
        method: "POST",
        path: `/api/v1/accounts/${id}/unlock`,
        body: ACTION,
        headers: { cookie: ctx.cookies.agents[i % ctx.cookies.agents.length] as string },
      })),
    });
    let http: Measurement;
    try {
      await measureLoad("warm-up", plan(warmHttp), (s) => s === 200);
      http = await measureLoad("unlocks through HTTP", plan(overHttp), (s) => s === 200);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssMb(pid));

    // The transaction itself, as the bare insert is driven.
    const deps: AppDeps = {
      database,
      clock: systemClock,
      logger: silentLogger,
      config: { ...DEFAULT_CONFIG, demo: false },
      notifier: outboxNotifier(database.db, systemClock),
    };
    const origin = { requestId: null, ip: "127.0.0.1" };
    const unlock = (id: string) => liftLockout({ deps, staff: BENCH_AGENT, origin }, id, ACTION);
    await timeConcurrently(warmTx, CLIENTS, unlock);
    const started = performance.now();
    const phase = { from: new Date(), to: new Date() };
    const latencies = await timeConcurrently(ids, CLIENTS, unlock);
    phase.to = new Date();
    const unlocks = summarize(`liftLockout, ${CLIENTS} clients`, latencies, (performance.now() - started) / 1000);
    // The API's own deliverer runs meanwhile; with DELIVERY=outbox each notice it sends is a row there.
    const [delivered] = await sql<{ n: string }[]>`
      select count(*) as n from outbox where kind = 'notice' and created_at between ${phase.from} and ${phase.to}`;
    const sentMeanwhile = Number(delivered?.n ?? 0);

    await sql`create table if not exists bench_bare_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())`;
    await sql`create table if not exists bench_one_head (id int primary key, n bigint not null)`;
    await sql`insert into bench_one_head values (1, 0) on conflict do nothing`;
    const seconds = Math.max(5, ids.length / Math.max(1, unlocks.throughput));
    const bare = await transactionsFor(
      sql,
      `bare single-row INSERT transaction, ${CLIENTS} clients`,
      seconds,
      (tx, n) => tx`insert into bench_bare_insert (payload) values (${`client ${n}`})`,
    );
    // What any design with one chain head can reach: each transaction only locks and moves one row,
    // so commits follow one another instead of sharing a disk flush.
    const oneHead = await transactionsFor(sql, `one shared row locked and moved, ${CLIENTS} clients`, 5, async (tx) => {
      await tx`select n from bench_one_head where id = 1 for update`;
      await tx`update bench_one_head set n = n + 1 where id = 1`;
    });
    await sql`drop table bench_bare_insert, bench_one_head`;
    const ratio = unlocks.throughput / bare.throughput;
    const refused = Number(http.extra?.unexpectedStatuses ?? 0);
    // Every unlock (warm-ups included) queued one notice to each verified channel of its account.
    const [queued] = await sql<{ n: string }[]>`
      select count(*) as n from notices
      where account_id in ${sql(unlockedIds)} and action = 'account.unlocked' and created_at >= ${since}`;
    const notices = Number(queued?.n ?? 0);
    ctx.log(
      `  ${notices.toLocaleString("en-US")} notices queued by ${unlockedIds.length.toLocaleString("en-US")} unlocks (expected ${expectedNotices.toLocaleString("en-US")})`,
    );
    const memory: Measurement = {
      label: "API resident memory, peak (MB)",
      p50: peak,
      p95: peak,
      p99: peak,
      throughput: 0,
    };
    return [
      resultRow({
        id: "B5",
        name: `lift a lockout end to end, ${CLIENTS} clients`,
        measured: unlocks,
        baseline: bare,
        ratio,
        target: "commits/s ≥ 0.5× bare",
        pass: ratio >= 0.5 && refused === 0 && notices === expectedNotices,
        note:
          `The transaction through the API's own liftLockout, driven like the bare insert: the window check, ` +
          `the state change, the chained audit event and the owner's notices (one to each verified channel, ` +
          `each with its report link) in one transaction; ${notices} notices queued by ${unlockedIds.length} unlocks ` +
          `(expected ${expectedNotices}); meanwhile the API's deliverer sent ${sentMeanwhile} notices (to the outbox table). ` +
          `The risk check is not in it yet (it arrives with a later issue). ` +
          `A transaction that only locks and moves one shared row (as every audited change moves the chain head): ` +
          `${oneHead.throughput}/s, ${round(oneHead.throughput / bare.throughput, 3)}× bare. ` +
          `Through HTTP with a session per client: ${http.throughput} unlocks/s, p50 ${http.p50} ms, p95 ${http.p95} ms` +
          (refused ? `; ${refused} unlocks were refused: ${http.extra?.statuses}` : ""),
      }),
      resultRow({
        id: "B10",
        name: "API memory: peak resident set during B5",
        measured: memory,
        baseline: { label: "the API at idle (MB)", p50: idle, p95: idle, p99: idle, throughput: 0 },
        ratio: round(peak / 250, 3),
        target: "≤ 250 MB peak",
        pass: peak <= 250,
        note: `idle ${idle} MB, peak ${peak} MB during the unlocks through HTTP (figures in the p50–p99 columns are megabytes)`,
      }),
    ];
  } finally {
    await database.close();
    await sql.end();
  }
}

/** Runs `work` in a transaction over and over from 16 clients for `seconds`; returns the summary. */
async function transactionsFor(
  sql: postgres.Sql,
  label: string,
  seconds: number,
  work: (tx: postgres.TransactionSql, client: number) => Promise<unknown>,
): Promise<Measurement> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, n) => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await sql.begin((tx) => work(tx, n));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return summarize(label, latencies, seconds);
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}
