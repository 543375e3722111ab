/**
 * Stops and starts the PostgreSQL server of a test cluster (tests/support/postgres-cluster.ts)
 * without removing it, for the restart fault. It runs pg_ctl the way the cluster was started:
 * as the postgres user when we are root, on the same port, socket folder and settings.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  findPostgresBin,
  logTail,
  type PostgresCluster,
  pgCtlStartArgs,
  runAsServerUser,
  waitForTcp,
} from "@recovery-desk/test-support/postgres-cluster";

export interface PostgresControl {
  /** `pg_ctl stop`: `fast` ends every session at once, as an operator's restart does; `immediate` is a crash. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** `pg_ctl start` with the cluster's settings; resolves when it takes connections. */
  start(): Promise<void>;
  running(): boolean;
}

export function controlPostgres(cluster: PostgresCluster): PostgresControl {
  const baseDir = dirname(cluster.dataDir);
  const logFile = join(baseDir, "log");
  const pgCtl = () => {
    const bin = findPostgresBin();
    if (!bin) throw new Error("pg_ctl was not found (set PG_BIN)");
    return join(bin, "pg_ctl");
  };
  return {
    async stop(mode = "fast") {
      const result = await runAsServerUser(
        pgCtl(),
        ["-D", cluster.dataDir, "-m", mode, "-w", "-t", "60", "stop"],
        baseDir,
      );
      if (result.code !== 0)
        throw new Error(`pg_ctl stop failed (${result.code}): ${result.output}\n${logTail(logFile)}`);
    },
    async start() {
      const result = await runAsServerUser(pgCtl(), pgCtlStartArgs(cluster.dataDir, cluster.port), baseDir);
      if (result.code !== 0)
        throw new Error(`pg_ctl start failed (${result.code}): ${result.output}\n${logTail(logFile)}`);
      if (!(await waitForTcp(cluster.port, 20_000))) {
        throw new Error(`PostgreSQL restarted but refuses connections\n${logTail(logFile)}`);
      }
    },
    running: () => existsSync(join(cluster.dataDir, "postmaster.pid")),
  };
}
