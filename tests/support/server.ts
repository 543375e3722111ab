import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./ports.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  /** The process id of the server now running (it changes with `restart`). */
  readonly pid: number | undefined;
  /** Stops the server (SIGTERM, a clean shutdown) and removes its data folder unless `keepData` was asked for. */
  stop(): Promise<void>;
  /** Sends `signal` (SIGKILL by default: no shutdown at all) and waits until the process has gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port, environment and data (after `kill`, or stops it first), and waits until it is ready. */
  restart(): Promise<void>;
}

export interface StartOptions {
  /** Keep the embedded database's folder when the server stops (for a later server on the same data). */
  keepData?: boolean;
  /** Use this data folder instead of a fresh one. */
  dataDir?: string;
  /**
   * Start from a copy of this data folder (one a stopped server left, e.g. with the demo world loaded):
   * seconds faster than loading the demo world again. Ignored with `dataDir` or a DATABASE_URL.
   */
  from?: string;
  /** How long to wait for `/readyz` (default 90 s). */
  readyTimeoutMs?: number;
  /** Run this built server (see `buildApi`) with plain `node` instead of the sources through tsx. */
  built?: string;
}

/**
 * Builds the console into its dist folder, as `pnpm start` would, or into `outDir` (a private copy that
 * a build running elsewhere on the machine cannot replace while a server is serving it).
 */
export function buildConsole(outDir?: string): void {
  const args = [
    "--filter",
    "@recovery-desk/console",
    "build",
    ...(outDir ? ["--outDir", outDir, "--emptyOutDir"] : []),
  ];
  const build = spawnSync("pnpm", args, {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`The console build failed:\n${build.stdout}\n${build.stderr}`);
}

/**
 * Builds the API as plain JavaScript, as `pnpm build` does, into `outDir` (a folder of its own inside
 * apps/api, which another build on the machine does not replace), and returns its server's path.
 */
export function buildApi(outDir: string): string {
  const build = spawnSync(process.execPath, ["build.mjs", outDir], {
    cwd: join(REPO_ROOT, "apps/api"),
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`The API build failed:\n${build.stdout}\n${build.stderr}`);
  return join(outDir, "server.js");
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts the real API server (serving the built console) on a free port with a fresh embedded
 * database and the demo world, or on `DATABASE_URL` when given, and waits until it is ready.
 */
export async function startServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rd-e2e-"));
  if (options.from && !options.dataDir && !env.DATABASE_URL) cpSync(options.from, dataDir, { recursive: true });
  const baseUrl = `http://127.0.0.1:${port}`;
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;

  const launch = async (): Promise<ChildProcess> => {
    const entry = options.built ? ["--enable-source-maps", options.built] : ["--import", "tsx", "src/server.ts"];
    const child: ChildProcess = spawn(process.execPath, entry, {
      cwd: join(REPO_ROOT, "apps/api"),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        DEMO: "true",
        ...env,
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    const deadline = Date.now() + readyTimeoutMs;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready`);
      try {
        if ((await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) })).ok) return child;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`The server did not become ready within ${Math.round(readyTimeoutMs / 1000)} seconds`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  let child = await launch();
  // If this process ends without stopping the server (an uncaught error), the server must not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  return {
    baseUrl,
    dataDir,
    get pid() {
      return child.pid;
    },
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: async (signal: NodeJS.Signals = "SIGKILL") => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        await exited(child);
      }
    },
    restart: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited(child);
      }
      child = await launch();
    },
  };
}
