/**
 * Stops and starts the PostgreSQL server of a test cluster (tests/support/postgres-cluster.ts)
 * without removing it, for the restart fault. It runs pg_ctl the way the cluster was started:
 * as the postgres user when we are root, on the same port, socket folder and settings.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join } from "node:path";
import { findPostgresBin, type PostgresCluster } from "@recovery-desk/test-support/postgres-cluster";

function pgCtl(args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("pg_ctl was not found (set PG_BIN)");
  const file = join(bin, "pg_ctl");
  const [command, commandArgs] =
    process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    // "exit", not "close": the started server keeps inherited pipes open.
    child.on("exit", (code) => resolve({ code, output }));
  });
}

function logTail(baseDir: string): string {
  try {
    return readFileSync(join(baseDir, "log"), "utf8").trimEnd().split("\n").slice(-20).join("\n");
  } catch {
    return "(no server log)";
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface PostgresControl {
  /** `pg_ctl stop`: `fast` ends every session at once, as an operator's restart does; `immediate` is a crash. */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  /** `pg_ctl start` with the cluster's settings; resolves when it takes connections. */
  start(): Promise<void>;
  running(): boolean;
}

export function controlPostgres(cluster: PostgresCluster): PostgresControl {
  const baseDir = dirname(cluster.dataDir);
  const options = [
    "-c listen_addresses=127.0.0.1",
    `-p ${cluster.port}`,
    `-k '${baseDir}'`,
    "-c max_connections=200",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  return {
    async stop(mode = "fast") {
      const result = await pgCtl(["-D", cluster.dataDir, "-m", mode, "-w", "-t", "60", "stop"], baseDir);
      if (result.code !== 0)
        throw new Error(`pg_ctl stop failed (${result.code}): ${result.output}\n${logTail(baseDir)}`);
    },
    async start() {
      const result = await pgCtl(
        ["-D", cluster.dataDir, "-l", join(baseDir, "log"), "-o", options, "-w", "-t", "60", "start"],
        baseDir,
      );
      if (result.code !== 0)
        throw new Error(`pg_ctl start failed (${result.code}): ${result.output}\n${logTail(baseDir)}`);
      const deadline = Date.now() + 20_000;
      while (!(await accepts(cluster.port))) {
        if (Date.now() > deadline) throw new Error(`PostgreSQL restarted but refuses connections\n${logTail(baseDir)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    running: () => existsSync(join(cluster.dataDir, "postmaster.pid")),
  };
}
