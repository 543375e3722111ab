/**
 * Starts a throwaway PostgreSQL cluster from the machine's own binaries, for the API tests that must run on real
 * PostgreSQL. The cluster lives in a fresh temp folder, listens on 127.0.0.1 on a free port, trusts every local
 * connection and is built for speed (no fsync). When the process runs as root, initdb and pg_ctl run as the
 * `postgres` OS user, because initdb refuses to run as root.
 *
 * There is no silent skip: when the binaries are missing, startPostgresCluster throws and says how to install them.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { freePort } from "./ports.ts";

export interface PostgresCluster {
  /** Superuser connection URL, e.g. postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const MISSING_BINARIES =
  "PostgreSQL server binaries (initdb, pg_ctl) were not found, so the real-PostgreSQL tests cannot run. " +
  "Install them with `apt-get install -y postgresql-15`, or set PG_BIN to the folder holding initdb and pg_ctl " +
  "(for example /usr/lib/postgresql/15/bin).";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasServerBinaries(dir: string): boolean {
  return isExecutable(join(dir, "initdb")) && isExecutable(join(dir, "pg_ctl"));
}

/** The folder holding initdb and pg_ctl: PG_BIN, then /usr/lib/postgresql/15/bin, then the highest
 * /usr/lib/postgresql/* /bin, then PATH. A PG_BIN that is set but wrong gives null rather than a silent fallback. */
export function findPostgresBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) return hasServerBinaries(fromEnv) ? fromEnv : null;

  const candidates = ["/usr/lib/postgresql/15/bin"];
  try {
    const versions = readdirSync("/usr/lib/postgresql")
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(join("/usr/lib/postgresql", version, "bin"));
  } catch {
    // No Debian-style install; PATH is the last resort.
  }
  for (const dir of candidates) if (hasServerBinaries(dir)) return dir;

  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir || !hasServerBinaries(dir)) continue;
    // /usr/local/bin/initdb is often a symlink into the real bin folder; prefer that folder when it is complete.
    const real = dirname(realpathSync(join(dir, "initdb")));
    return hasServerBinaries(real) ? real : dir;
  }
  return null;
}

/**
 * Whether tests on real PostgreSQL (`what`) skip: only on a workstation without the binaries, saying
 * so. In CI they always run, and fail with install instructions when the binaries are missing.
 */
export function skipWithoutPostgres(what: string): boolean {
  const skip = findPostgresBin() === null && !process.env.CI;
  if (skip) {
    console.warn(
      `Skipping ${what}: initdb and pg_ctl were not found. Install them with \`apt-get install -y postgresql-15\` or set PG_BIN.`,
    );
  }
  return skip;
}

function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/sbin", "/usr/bin", "/bin"];
  for (const dir of dirs) if (dir && isExecutable(join(dir, name))) return join(dir, name);
  return null;
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

const isRoot = process.getuid?.() === 0;

/** The command line that runs `file args` as the postgres user when we are root, or as ourselves otherwise. */
export function asServerUser(file: string, args: string[]): [string, string[]] {
  if (!isRoot) return [file, args];
  const runuser = findProgram("runuser");
  if (runuser) return [runuser, ["-u", "postgres", "--", file, ...args]];
  const su = findProgram("su");
  if (su) return [su, ["postgres", "-s", "/bin/sh", "-c", [file, ...args].map(shellQuote).join(" ")]];
  throw new Error("Running as root, but neither runuser nor su is available to run PostgreSQL as the postgres user.");
}

interface RunResult {
  code: number | null;
  output: string;
}

export function runAsServerUser(file: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<RunResult> {
  const [command, commandArgs] = asServerUser(file, args);
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // "exit", not "close": a server started in the background could keep an inherited pipe open.
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

function tail(text: string, lines = 40): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

export function logTail(logFile: string): string {
  try {
    return tail(readFileSync(logFile, "utf8"));
  } catch {
    return "(no server log)";
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export async function waitForTcp(port: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * `pg_ctl start`'s arguments for a test cluster: TCP on 127.0.0.1 at `port`, the socket and the log
 * beside the data folder, and no waiting for the disk. A restart passes the same (see tests/soak).
 */
export function pgCtlStartArgs(dataDir: string, port: number): string[] {
  const baseDir = dirname(dataDir);
  const serverOptions = [
    "-c listen_addresses=127.0.0.1",
    `-p ${port}`,
    `-k ${shellQuote(baseDir)}`,
    "-c max_connections=200",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
  return ["-D", dataDir, "-l", join(baseDir, "log"), "-o", serverOptions, "-w", "-t", "60", "start"];
}

export async function startPostgresCluster(options: { label?: string } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) {
    const hint = process.env.PG_BIN ? ` (PG_BIN is set to ${process.env.PG_BIN}, which lacks initdb or pg_ctl)` : "";
    throw new Error(`${MISSING_BINARIES}${hint}`);
  }
  const initdb = join(bin, "initdb");
  const pgCtl = join(bin, "pg_ctl");

  const label = (options.label ?? "test").replace(/[^A-Za-z0-9_-]/g, "_");
  const baseDir = mkdtempSync(join(tmpdir(), `recovery-desk-pg-${label}-`));
  const dataDir = join(baseDir, "data");
  const logFile = join(baseDir, "log");
  const removeBaseDir = () => rmSync(baseDir, { recursive: true, force: true });
  const fail = (what: string, output: string): never => {
    const log = logTail(logFile);
    stopSync(pgCtl, dataDir, baseDir);
    removeBaseDir();
    throw new Error(
      `${what} (bin ${bin}, folder ${baseDir})\n--- output ---\n${tail(output)}\n--- server log ---\n${log}`,
    );
  };

  try {
    if (isRoot) {
      const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
      const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
      const uid = Number.parseInt(id.stdout, 10);
      if (id.status !== 0 || Number.isNaN(uid)) {
        throw new Error(
          "Running as root, but there is no `postgres` OS user to run PostgreSQL as (initdb refuses root).",
        );
      }
      chownSync(baseDir, uid, Number.parseInt(gid.stdout, 10) || 0);
    }
  } catch (error) {
    removeBaseDir();
    throw error;
  }

  const initArgs = ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"];
  let init = await runAsServerUser(initdb, [...initArgs, "--locale=C.UTF-8"], baseDir);
  if (init.code !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    const retry = await runAsServerUser(initdb, [...initArgs, "--locale=C"], baseDir);
    init = { code: retry.code, output: `${init.output}\n--- retried with --locale=C ---\n${retry.output}` };
  }
  if (init.code !== 0) fail(`initdb failed with exit code ${init.code}`, init.output);

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const start = await runAsServerUser(pgCtl, pgCtlStartArgs(dataDir, port), baseDir);
    // Another process may grab the port between freePort() and the bind: pick another and try again.
    if (start.code !== 0 && attempt < 3 && /already in use|could not (create|bind)/i.test(logTail(logFile))) {
      stopSync(pgCtl, dataDir, baseDir);
      continue;
    }
    if (start.code !== 0) fail(`pg_ctl start failed with exit code ${start.code}`, start.output);
    if (!(await waitForTcp(port))) fail(`PostgreSQL started but does not accept TCP connections on port ${port}`, "");

    let stopped = false;
    const onExit = () => {
      if (!stopped) {
        stopSync(pgCtl, dataDir, baseDir);
        removeBaseDir();
      }
    };
    process.once("exit", onExit);

    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      dataDir,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener("exit", onExit);
        const result = await runAsServerUser(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"], baseDir);
        const log = logTail(logFile);
        removeBaseDir();
        if (result.code !== 0) {
          throw new Error(`pg_ctl stop failed with exit code ${result.code}\n${tail(result.output)}\n${log}`);
        }
      },
    };
  }
}

/** Best-effort synchronous stop, for failure paths and process exit. */
function stopSync(pgCtl: string, dataDir: string, cwd: string): void {
  if (!existsSync(join(dataDir, "postmaster.pid"))) return;
  try {
    const [command, args] = asServerUser(pgCtl, ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    spawnSync(command, args, { cwd, stdio: "ignore", timeout: 30_000 });
  } catch {
    // Nothing more to do: the caller is already failing or exiting.
  }
}
