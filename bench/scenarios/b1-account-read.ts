import { fileURLToPath } from "node:url";
import { type BenchContext, startChildServer } from "../lib/context.ts";
import { type LoadPlan, measureLoad } from "../lib/load.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import type { ScenarioResult } from "../lib/types.ts";

const RAW_SERVER = fileURLToPath(new URL("../lib/raw-server.ts", import.meta.url));
export const CONNECTIONS = 16;
export const POOL = 10;

/**
 * B1: `GET /api/v1/accounts/:id` through the whole API against the same statement served by a bare
 * HTTP server on the raw driver, same pool and concurrency, each after a warm-up.
 */
export async function b1(ctx: BenchContext): Promise<ScenarioResult[]> {
  const ids = sampleAccounts(ctx.size, 2_000, (a) => a.status === "active").map((s) => s.account.id);
  const raw = await startChildServer(RAW_SERVER, { DATABASE_URL: ctx.databaseUrl, DB_POOL_MAX: String(POOL) });
  try {
    const apiPlan: LoadPlan = {
      baseUrl: ctx.api.baseUrl,
      connections: CONNECTIONS,
      seconds: ctx.seconds(15),
      // Sixteen agents, each with a session of their own, as on a call-center floor.
      requests: ids.map((id, i) => ({
        path: `/api/v1/accounts/${id}`,
        headers: { cookie: ctx.cookies.agents[i % ctx.cookies.agents.length] as string },
      })),
    };
    const rawPlan: LoadPlan = {
      ...apiPlan,
      baseUrl: raw.baseUrl,
      headers: {},
      requests: ids.map((id) => ({ path: `/accounts/${id}` })),
    };
    const ok = (status: number) => status === 200;
    await measureLoad("warm-up", { ...rawPlan, seconds: 3 }, ok);
    await measureLoad("warm-up", { ...apiPlan, seconds: 3 }, ok);
    const baseline = await measureLoad("raw driver, bare node:http", rawPlan, ok);
    const measured = await measureLoad("API", apiPlan, ok);
    const throughputRatio = measured.throughput / baseline.throughput;
    const p95Ratio = measured.p95 / baseline.p95;
    return [
      resultRow({
        id: "B1",
        name: `account detail through the API, ${CONNECTIONS} connections`,
        measured,
        baseline,
        ratio: throughputRatio,
        target: "throughput ≥ 0.75× raw and p95 ≤ 1.5× raw",
        pass: throughputRatio >= 0.75 && p95Ratio <= 1.5 && measured.extra?.unexpectedStatuses === 0,
        note: `throughput ${throughputRatio.toFixed(2)}× raw, p95 ${p95Ratio.toFixed(2)}× raw`,
      }),
    ];
  } finally {
    await raw.stop();
  }
}
