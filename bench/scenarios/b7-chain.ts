import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { verifyChain } from "@recovery-desk/api/audit/verify";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { openDb } from "../lib/db.ts";
import { resultRow } from "../lib/result.ts";
import { round } from "../lib/stats.ts";
import type { Measurement, ScenarioResult } from "../lib/types.ts";

const COLUMNS =
  "seq, id, occurred_at, actor_type, actor_id, actor_name, action, account_id, case_ref, reason, request_id, ip, details, prev_hash, hash";

/**
 * B7: verifying the whole audit chain (the API's own check) against `COPY … TO STDOUT` of the same
 * columns, both read to the end by this process.
 */
export async function b7(ctx: BenchContext): Promise<ScenarioResult[]> {
  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  let copy: Measurement;
  try {
    let rows = 0;
    const t0 = performance.now();
    const source = await sql.unsafe(`copy (select ${COLUMNS} from audit_events order by seq) to stdout`).readable();
    await pipeline(
      source,
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
          done();
        },
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    copy = timed("COPY … TO STDOUT of the same columns", rows, seconds);
  } finally {
    await sql.end();
  }

  const { db, close } = openDb(ctx.databaseUrl);
  let check: Measurement;
  try {
    const t0 = performance.now();
    const result = await verifyChain(db);
    const seconds = (performance.now() - t0) / 1000;
    if (!result.ok) throw new Error(`The chain check found a break at ${result.firstBadSeq}`);
    check = timed("chain verification", result.checked, seconds);
  } finally {
    await close();
  }
  const ratio = check.throughput / copy.throughput;
  return [
    resultRow({
      id: "B7",
      name: `audit chain verification of ${Number(check.extra?.rows).toLocaleString("en-US")} events`,
      measured: check,
      baseline: copy,
      ratio,
      target: "rows/s ≥ 0.5× COPY",
      pass: ratio >= 0.5,
      note: `chain check ${check.extra?.seconds} s, COPY ${copy.extra?.seconds} s (throughput in rows a second)`,
    }),
  ];
}

function timed(label: string, rows: number, seconds: number): Measurement {
  const ms = round(seconds * 1000);
  return {
    label,
    p50: ms,
    p95: ms,
    p99: ms,
    throughput: round(rows / seconds),
    extra: { rows, seconds: round(seconds) },
  };
}
