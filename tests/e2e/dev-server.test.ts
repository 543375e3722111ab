import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@recovery-desk/test-support/ports";
import { REPO_ROOT } from "@recovery-desk/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * `PORT=… pnpm dev` on ports of its own: the console's dev server, on CONSOLE_PORT, passes /api and
 * the health checks to the API on that PORT, not to port 3000.
 */
let dev: ChildProcess;
let apiPort: number;
let consolePort: number;
const dataDir = mkdtempSync(join(tmpdir(), "rd-dev-"));
let output = "";

beforeAll(async () => {
  apiPort = await freePort();
  consolePort = await freePort();
  // Its own process group, so stopping it stops the API and the dev server it started.
  dev = spawn(process.execPath, ["scripts/dev.mjs"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(apiPort),
      CONSOLE_PORT: String(consolePort),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO_ACCOUNTS: "0",
      LOG_LEVEL: "warn",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  dev.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  dev.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`pnpm dev exited with ${dev.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://localhost:${consolePort}/readyz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok && res.headers.get("content-type")?.startsWith("application/json")) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`pnpm dev was not ready through the dev server:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});
afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((resolve) => dev.once("exit", resolve));
    process.kill(-dev.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (dev.exitCode === null) process.kill(-dev.pid, "SIGKILL");
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("pnpm dev with PORT and CONSOLE_PORT", () => {
  it("serves the console on CONSOLE_PORT and passes /api to the API on PORT", async () => {
    const page = await fetch(`http://localhost:${consolePort}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');

    const ready = await fetch(`http://localhost:${consolePort}/readyz`);
    expect(await ready.json()).toEqual({ status: "ok", database: "up" });
    const me = await fetch(`http://localhost:${consolePort}/api/v1/auth/me`);
    expect(me.status).toBe(401);
    expect(me.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await me.json()).toMatchObject({ code: "unauthenticated" });
    // The same answer as from the API itself.
    const direct = await fetch(`http://127.0.0.1:${apiPort}/api/v1/auth/me`);
    expect(direct.status).toBe(401);
  });
});
