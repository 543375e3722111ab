/**
 * `pnpm bench`: seeds (or reuses) the deterministic data set on a real PostgreSQL, starts the API
 * on it, runs the scenarios B1–B11 and B13 each against its baseline in the same run, and writes
 * bench/results/latest.json and latest.md.
 *
 *   pnpm bench                 1M accounts, 10M audit events
 *   pnpm bench --quick         20k accounts, 200k events, shorter loads
 *   pnpm bench --scenario B2   one scenario (repeat the flag for several; B11 is also `import`, B13 `notices`)
 *   pnpm bench --seed-only     prepare the data set and stop
 *
 * With DATABASE_URL (a superuser URL of a PostgreSQL server) the bench uses that server;
 * otherwise it keeps its own cluster in `.bench/pg`, started from the machine's binaries.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT, startServer } from "@recovery-desk/test-support/server";
import postgres from "postgres";
import { type BenchCluster, openBenchCluster } from "./lib/cluster.ts";
import { type BenchContext, signIn } from "./lib/context.ts";
import { formatSeconds } from "./lib/progress.ts";
import { writeResults } from "./lib/report.ts";
import { failedRow } from "./lib/result.ts";
import { databaseName, databaseUrl, isSeeded, seed } from "./lib/seed.ts";
import type { ScenarioResult } from "./lib/types.ts";
import { SIZES } from "./lib/world.ts";
import { b1 } from "./scenarios/b1-account-read.ts";
import { b2 } from "./scenarios/b2-search.ts";
import { b3 } from "./scenarios/b3-duplicates.ts";
import { b4 } from "./scenarios/b4-answers.ts";
import { b5 } from "./scenarios/b5-unlock.ts";
import { b6 } from "./scenarios/b6-audit-list.ts";
import { b7 } from "./scenarios/b7-chain.ts";
import { b8 } from "./scenarios/b8-embedded.ts";
import { b9 } from "./scenarios/b9-console.ts";
import { b11 } from "./scenarios/b11-import.ts";
import { b13 } from "./scenarios/b13-notices.ts";

async function serverVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`show server_version`;
    return row?.server_version ?? "unknown";
  } finally {
    await sql.end();
  }
}

async function signInEach(baseUrl: string, username: string, count: number): Promise<string[]> {
  const cookies: string[] = [];
  for (let i = 0; i < count; i++) cookies.push(await signIn(baseUrl, username));
  return cookies;
}

/** `alias`: another name `--scenario` takes (`--scenario import`). */
type Scenario = { id: string; alias?: string; name: string; run: (ctx: BenchContext) => Promise<ScenarioResult[]> };

const SCENARIOS: Scenario[] = [
  { id: "B1", name: "account detail through the API", run: b1 },
  { id: "B2", name: "search over the accounts", run: b2 },
  { id: "B3", name: "duplicate candidates and clusters", run: b3 },
  { id: "B4", name: "security-answer checks under concurrency", run: b4 },
  { id: "B5", name: "lift a lockout end to end (and B10, memory)", run: b5 },
  { id: "B6", name: "audit listing", run: b6 },
  { id: "B7", name: "audit chain verification", run: b7 },
  { id: "B8", name: "embedded PGlite against native PostgreSQL", run: b8 },
  { id: "B9", name: "console: initial JavaScript and route change", run: (ctx) => b9(ctx) },
  { id: "B11", alias: "IMPORT", name: "account import against COPY and bare argon2", run: b11 },
  { id: "B13", alias: "NOTICES", name: "notice deliverer against the webhook called directly", run: b13 },
];

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    scenario: { type: "string", multiple: true },
    "seed-only": { type: "boolean", default: false },
  },
});
const quick = values.quick ?? false;
const wanted = new Set((values.scenario ?? []).map((s) => s.toUpperCase()));
const chosen = SCENARIOS.filter((s) => wanted.size === 0 || wanted.has(s.id) || (s.alias && wanted.has(s.alias)));
if (chosen.length === 0) {
  console.error(`No such scenario: ${[...wanted].join(", ")}. Known: ${SCENARIOS.map((s) => s.id).join(", ")}`);
  process.exit(2);
}

const size = quick ? SIZES.quick : SIZES.full;
const log = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const workDir = join(REPO_ROOT, ".bench/work");
mkdirSync(workDir, { recursive: true });

let cluster: BenchCluster | undefined;
let serverUrl = process.env.DATABASE_URL ?? "";
if (!serverUrl) {
  cluster = await openBenchCluster(join(REPO_ROOT, ".bench/pg"), log);
  serverUrl = cluster.url;
}

if (await isSeeded(serverUrl, size)) {
  log(
    `reusing the ${size.name} data set (${size.accounts.toLocaleString()} accounts, ${size.events.toLocaleString()} audit events)`,
  );
} else {
  log(
    `seeding the ${size.name} data set: ${size.accounts.toLocaleString()} accounts, ${size.events.toLocaleString()} audit events`,
  );
  const t0 = performance.now();
  await cluster?.restart(true);
  if (cluster) serverUrl = cluster.url;
  await seed(serverUrl, size, log);
  await cluster?.restart(false);
  if (cluster) serverUrl = cluster.url;
  log(`seeded in ${formatSeconds((performance.now() - t0) / 1000)}`);
}

if (values["seed-only"]) {
  await cluster?.stop();
  process.exit(0);
}

const benchUrl = databaseUrl(serverUrl, databaseName(size));
const postgresVersion = await serverVersion(benchUrl);
const api = await startServer(
  {
    DATABASE_URL: benchUrl,
    DEMO: "false",
    DELIVERY: "outbox",
    LOG_LEVEL: "error",
    DB_POOL_MAX: "10",
    // One bench session stands for many agents: the per-session limit would stop the load.
    RATE_LIMIT_SESSION_PER_MINUTE: "100000000",
    RATE_LIMIT_KEY_PER_MINUTE: "100000000",
    SWEEP_INTERVAL_MINUTES: "0",
    AUDIT_CHECK_INTERVAL_MINUTES: "0",
    DB_STATEMENT_TIMEOUT_MS: "5000",
  },
  { readyTimeoutMs: 180_000 },
);

const results: ScenarioResult[] = [];
try {
  const ctx: BenchContext = {
    size,
    quick,
    api,
    databaseUrl: benchUrl,
    serverUrl,
    workDir,
    cookies: {
      agent: await signIn(api.baseUrl, "bench.agent"),
      // One after another: the API counts a sign-in before its password check, and 16 at once for
      // one username would pass the failures it allows in flight.
      agents: await signInEach(api.baseUrl, "bench.agent", 16),
      supervisor: await signIn(api.baseUrl, "bench.supervisor"),
    },
    log,
    seconds: (full) => (quick ? Math.max(3, Math.round(full / 3)) : full),
  };
  for (const scenario of chosen) {
    const t0 = performance.now();
    log(`\n${scenario.id}: ${scenario.name}`);
    try {
      const rows = await scenario.run(ctx);
      results.push(...rows);
      // Written after every scenario, so a run that stops early keeps what it measured.
      writeResults(results, { size, partial: true, postgresVersion });
      for (const row of rows) {
        log(
          `  ${row.pass ? "pass" : "MISS"}  ${row.name}: ratio ${row.ratio} (${row.target})${row.note ? ` — ${row.note}` : ""}`,
        );
      }
    } catch (error) {
      log(`  ${scenario.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      results.push(failedRow(scenario.id, scenario.name, error));
    }
    log(`  (${formatSeconds((performance.now() - t0) / 1000)})`);
  }
} finally {
  await api.stop();
  await cluster?.stop();
}

const written = writeResults(results, { size, partial: wanted.size > 0, postgresVersion });
log(`\nresults: ${written.join(", ")} — ${formatSeconds((performance.now() - started) / 1000)} in all`);
process.exit(results.every((r) => r.pass) ? 0 : 1);
