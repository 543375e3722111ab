/**
 * The soak world: a real PostgreSQL 15 cluster, the real API server on it with the demo world, and a
 * read-only connection for checking what is in the database after a fault.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChainCheck } from "@recovery-desk/api/audit/verify";
import { type PostgresCluster, startPostgresCluster } from "@recovery-desk/test-support/postgres-cluster";
import { REPO_ROOT, type RunningServer, startServer } from "@recovery-desk/test-support/server";
import postgres from "postgres";
import { type ApiClient, signIn } from "./client.ts";

export interface SoakWorld {
  cluster: PostgresCluster;
  server: RunningServer;
  /** For reading the database directly; the suite never writes through it. */
  sql: postgres.Sql;
  supervisor: ApiClient;
  stop(): Promise<void>;
}

/** The server's environment for the soak: rate limits far above what the suite sends, no timers firing mid-test. */
export const SOAK_ENV: Record<string, string> = {
  DEMO: "true",
  DEMO_ACCOUNTS: "2000",
  RATE_LIMIT_SESSION_PER_MINUTE: "1000000",
  RATE_LIMIT_KEY_PER_MINUTE: "1000000",
  SWEEP_INTERVAL_MINUTES: "0",
  AUDIT_CHECK_INTERVAL_MINUTES: "0",
  LOG_LEVEL: "error",
};

export async function startSoakWorld(label: string, env: Record<string, string> = {}): Promise<SoakWorld> {
  const cluster = await startPostgresCluster({ label: `soak-${label}` });
  let server: RunningServer | undefined;
  try {
    server = await startServer({ ...SOAK_ENV, DATABASE_URL: cluster.url, ...env });
    const sql = postgres(cluster.url, { max: 2, onnotice: () => {} });
    const supervisor = await signIn(server.baseUrl, "sam.supervisor");
    const running = server;
    return {
      cluster,
      server,
      sql,
      supervisor,
      async stop() {
        await sql.end({ timeout: 5 }).catch(() => {});
        await running.stop().catch(() => {});
        await cluster.stop();
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await cluster.stop().catch(() => {});
    throw error;
  }
}

/** The audit head's sequence number now: events after it belong to what follows. */
export async function auditHeadSeq(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ seq: string }[]>`select seq from audit_chain_head where id = 1`;
  return Number(row?.seq ?? 0);
}

/** Asks the API to recompute the whole audit chain, as a supervisor would. */
export function verifyAuditChain(supervisor: ApiClient): Promise<ChainCheck> {
  return supervisor.call<ChainCheck>("GET", "/api/v1/audit/verify", 200, { timeoutMs: 60_000 });
}

/** Writes a JSON report under the repository's `.tmp/`. */
export function writeReport(name: string, report: unknown): string {
  const dir = join(REPO_ROOT, ".tmp");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Prints a report of the run (vitest shows it with the test's output). */
export function report(text: string): void {
  process.stdout.write(`${text}\n`);
}
