import { spawn } from "node:child_process";
import type { RunningServer } from "@recovery-desk/test-support/server";
import { BENCH_PASSWORD, type BenchSize } from "./world.ts";

export interface BenchContext {
  size: BenchSize;
  quick: boolean;
  /** The API under test, on the bench database. */
  api: RunningServer;
  /** The bench database (superuser). */
  databaseUrl: string;
  /** The server's `postgres` database, for creating other databases. */
  serverUrl: string;
  /** A scratch folder for builds and temporary files. */
  workDir: string;
  /** Session cookies of the bench's staff; `agents` holds one session per load connection. */
  cookies: { agent: string; agents: string[]; supervisor: string };
  log: (line: string) => void;
  /** Seconds for a timed load: the full figure, or a short one with `--quick`. */
  seconds(full: number): number;
}

/** Signs a bench staff member in and returns the session cookie. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const cookie = /rd_session=[^;]*/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error("No session cookie");
  return cookie;
}

export interface ChildServer {
  baseUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts a bench helper script that prints `listening <port>`, and waits for that line. */
export function startChildServer(script: string, env: Record<string, string>): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) {
        child.removeAllListeners("exit");
        resolve({
          baseUrl: `http://127.0.0.1:${port}`,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
  });
}
