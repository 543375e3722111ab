import { readFileSync } from "node:fs";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { measureLoad } from "../lib/load.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { round, summarize } from "../lib/stats.ts";
import type { Measurement, ScenarioResult } from "../lib/types.ts";

const CLIENTS = 16;
const BENCH_AGENT_ID = "stf_bench_agent";

/**
 * B5: lifting a lockout end to end (window check, state change, chained audit event, one
 * transaction) at 16 concurrent clients, against a bare single-row INSERT transaction at the same
 * concurrency. B10 rides along: the API's resident memory is sampled during the run.
 */
export async function b5(ctx: BenchContext): Promise<ScenarioResult[]> {
  const count = ctx.quick ? 250 : 3_000;
  const ids = sampleAccounts(ctx.size, count, (a) => a.status === "locked" && a.hardLock, 500).map((s) => s.account.id);
  const sql = postgres(ctx.databaseUrl, { max: CLIENTS, onnotice: () => {} });
  try {
    // The bench's fixture: these accounts are hard-locked again (earlier runs lifted the locks) and
    // the bench agent holds a verified window for each, as after a call's verification.
    await sql`
      update accounts set status = 'locked', status_reason = 'failed_logins', lock_kind = 'hard',
        locked_at = now() - interval '10 minutes', locked_until = null, failed_login_count = 5,
        failed_login_window_started_at = now() - interval '10 minutes'
      where id in ${sql(ids)}`;
    await sql`
      insert into verifications (id, account_id, staff_id, method, case_ref, status, created_at, expires_at, verified_at, verified_until)
      select 'ver_bench_' || md5(random()::text), id, ${BENCH_AGENT_ID}, 'security_questions', 'BENCH-B5', 'verified',
        now(), now() + interval '10 minutes', now(), now() + interval '15 minutes'
      from unnest(${sql.array(ids)}::text[]) as t(id)`;

    const pid = ctx.api.pid;
    const idle = rssMb(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(pid));
    }, 50);
    const warm = ids.splice(0, 32);
    const plan = (list: string[]) => ({
      baseUrl: ctx.api.baseUrl,
      connections: CLIENTS,
      seconds: 300,
      amount: list.length,
      requests: list.map((id, i) => ({
        method: "POST",
        path: `/api/v1/accounts/${id}/unlock`,
        body: { reason: "Caller verified on the phone", caseRef: "BENCH-B5" },
        headers: { cookie: ctx.cookies.agents[i % ctx.cookies.agents.length] as string },
      })),
    });
    let unlocks: Measurement;
    try {
      await measureLoad("warm-up", plan(warm), (s) => s === 200);
      unlocks = await measureLoad("unlocks through the API", plan(ids), (s) => s === 200);
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssMb(pid));

    await sql`create table if not exists bench_bare_insert (id bigserial primary key, payload text not null, at timestamptz not null default now())`;
    const seconds = Math.max(5, ids.length / Math.max(1, unlocks.throughput));
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, n) => {
        while (performance.now() < end) {
          const t0 = performance.now();
          await sql.begin((tx) => tx`insert into bench_bare_insert (payload) values (${`client ${n}`})`);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    await sql`truncate bench_bare_insert`;
    const bare = summarize(`bare single-row INSERT transaction, ${CLIENTS} clients`, latencies, seconds);
    const ratio = unlocks.throughput / bare.throughput;
    const unexpected = Number(unlocks.extra?.unexpectedStatuses ?? 0);
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
        pass: ratio >= 0.5 && unexpected === 0,
        ...(unexpected ? { note: `${unexpected} unlocks were refused: ${unlocks.extra?.statuses}` } : {}),
      }),
      resultRow({
        id: "B10",
        name: "API memory: peak resident set during B5",
        measured: memory,
        baseline: { label: "the API at idle (MB)", p50: idle, p95: idle, p99: idle, throughput: 0 },
        ratio: round(peak / 250, 3),
        target: "≤ 250 MB peak",
        pass: peak <= 250,
        note: `idle ${idle} MB, peak ${peak} MB (figures in the p50–p99 columns are megabytes)`,
      }),
    ];
  } finally {
    await sql.end();
  }
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
