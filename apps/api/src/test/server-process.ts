import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@recovery-desk/test-support/ports";

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The API server in a process of its own, started as an operator starts it. */
export interface ServerProcess {
  child: ChildProcess;
  port: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process has stopped. */
  exited: Promise<number | null>;
}

/** Starts `src/server.ts` on a free port with `env` over the test's environment, collecting what it prints. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: API_ROOT,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Resolves when the server answers /readyz, or with its exit code if it stops first. */
export async function readyOrExit(server: ServerProcess): Promise<"ready" | number | null> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return server.child.exitCode;
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/readyz`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return "ready";
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The server neither became ready nor stopped");
}
