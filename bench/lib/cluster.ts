import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "@recovery-desk/test-support/ports";
import { findPostgresBin, logTail, runAsServerUser, waitForTcp } from "@recovery-desk/test-support/postgres-cluster";

/** Settings for measuring: durable commits as in production, memory sized for a 24 GiB machine. */
const MEASURE_SETTINGS = [
  "shared_buffers=2GB",
  "effective_cache_size=12GB",
  "work_mem=32MB",
  "maintenance_work_mem=2GB",
  "max_wal_size=16GB",
  "checkpoint_timeout=30min",
  "random_page_cost=1.1",
  "max_connections=200",
  "max_parallel_maintenance_workers=2",
  // Just-in-time compilation pays off for long analytics, not for an OLTP service's short queries.
  "jit=off",
];

/** Settings for the bulk load only: nothing is flushed until the clean shutdown at its end. */
const LOAD_SETTINGS = ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];

export interface BenchCluster {
  /** Superuser URL of the `postgres` database. */
  url: string;
  /** Restarts the server with the bulk-load settings on (`true`) or off. */
  restart(bulkLoad: boolean): Promise<void>;
  stop(): Promise<void>;
}

const isRoot = process.getuid?.() === 0;

/**
 * A PostgreSQL cluster kept in `folder` between runs, so a seeded data set is reused. It is created
 * with initdb on first use and started on a free port on 127.0.0.1 with trust authentication.
 */
export async function openBenchCluster(folder: string, log: (line: string) => void): Promise<BenchCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) were not found; set PG_BIN or DATABASE_URL.");
  const dataDir = join(folder, "data");
  const logFile = join(folder, "server.log");
  const pgCtl = join(bin, "pg_ctl");
  mkdirSync(folder, { recursive: true });
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(folder, uid, gid);
  }
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    log(`creating a PostgreSQL cluster in ${dataDir}`);
    const init = await runAsServerUser(
      join(bin, "initdb"),
      ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
      folder,
    );
    if (init.code !== 0) throw new Error(`initdb failed:\n${init.output}`);
  }
  // A run that was killed may have left the server running.
  await runAsServerUser(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "stop"], folder);

  let port = 0;
  const start = async (bulkLoad: boolean) => {
    port = await freePort();
    const settings = [...MEASURE_SETTINGS, ...(bulkLoad ? LOAD_SETTINGS : [])];
    const options = [`-p ${port}`, "-c listen_addresses=127.0.0.1", `-k ${folder}`, ...settings.map((s) => `-c ${s}`)];
    const result = await runAsServerUser(
      pgCtl,
      ["-D", dataDir, "-l", logFile, "-o", options.join(" "), "-w", "-t", "120", "start"],
      folder,
    );
    if (result.code !== 0 || !(await waitForTcp(port))) {
      throw new Error(`PostgreSQL did not start:\n${result.output}\n${logTail(logFile)}`);
    }
  };
  const stop = async () => {
    const result = await runAsServerUser(pgCtl, ["-D", dataDir, "-m", "fast", "-w", "-t", "300", "stop"], folder);
    if (result.code !== 0) throw new Error(`PostgreSQL did not stop:\n${result.output}`);
  };
  await start(false);
  const cluster: BenchCluster = {
    get url() {
      return `postgres://postgres@127.0.0.1:${port}/postgres`;
    },
    async restart(bulkLoad) {
      await stop();
      await start(bulkLoad);
    },
    stop,
  };
  return cluster;
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}
