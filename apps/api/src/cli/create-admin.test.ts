import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../app.ts";
import { openPglite } from "../db/client.ts";
import { DEFAULT_CONFIG } from "../deps.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { outboxNotifier } from "../notify/outbox.ts";

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "rd-admin-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (args: string[], password: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/create-admin.ts", ...args], {
    cwd: API_ROOT,
    input: `${password}\n`,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "false", LOG_LEVEL: "silent" },
  });

// The command runs against the embedded database here; the PostgreSQL project would only repeat it.
describe.runIf(inject("testDatabase").kind === "pglite")("the create-admin command", () => {
  it("creates the first admin from a password on standard input, who can then sign in", async () => {
    const result = run(["--username", "first.admin", "--name", "First Admin"], "a-long-enough-password");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("Created admin first.admin");
    expect(result.stdout + result.stderr).not.toContain("a-long-enough-password");

    const database = await openPglite({ dataDir });
    try {
      const app = createApp({
        database,
        clock: systemClock,
        logger: silentLogger,
        config: { ...DEFAULT_CONFIG, demo: false },
        notifier: outboxNotifier(database.db, systemClock),
      });
      const res = await app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "first.admin", password: "a-long-enough-password" }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ staff: { username: "first.admin", role: "admin" } });
    } finally {
      await database.close();
    }
  }, 60_000);

  it("refuses a short password, a taken username and missing arguments", () => {
    expect(run(["--username", "second.admin", "--name", "Second"], "short").status).toBe(2);
    expect(run(["--username", "first.admin", "--name", "Again"], "another-long-password").status).toBe(1);
    expect(run(["--name", "No Username"], "another-long-password").status).toBe(2);
  }, 60_000);
});
