import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../app.ts";
import { openPglite } from "../db/client.ts";
import { lockDataDir } from "../db/data-dir-lock.ts";
import { DEFAULT_CONFIG } from "../deps.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { outboxNotifier } from "../notify/outbox.ts";
import { answerOf, apiClient } from "../test/context.ts";

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

/**
 * Runs the command in a pseudo-terminal (`script` from util-linux), as when someone types at a
 * terminal: each of `keys` is typed once the output so far contains its `after`. Answers everything
 * the terminal showed, and the exit code (null if it was still waiting after 20 seconds and was stopped).
 */
function runAtTerminal(args: string[], keys: { after: string; type: string }[], folder = dataDir) {
  const command = [process.execPath, "--import", "tsx", "src/cli/create-admin.ts", ...args]
    .map((part) => `'${part.replaceAll("'", "'\\''")}'`)
    .join(" ");
  const child = spawn("script", ["-q", "-e", "-c", command, "/dev/null"], {
    cwd: API_ROOT,
    env: { ...process.env, DATA_DIR: folder, DATABASE_URL: "", DEMO: "false", LOG_LEVEL: "silent" },
  });
  const stuck = setTimeout(() => child.kill("SIGKILL"), 20_000);
  let shown = "";
  const pending = [...keys];
  let typedAt = 0;
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    shown += chunk;
    const next = pending[0];
    if (next && shown.indexOf(next.after, typedAt) >= 0) {
      typedAt = shown.length;
      pending.shift();
      child.stdin.write(next.type);
    }
  });
  return new Promise<{ shown: string; status: number | null }>((resolve) => {
    child.on("close", (status) => {
      clearTimeout(stuck);
      resolve({ shown, status });
    });
  });
}

/** Signs in through the real app on the command's data folder: the staff member, or null when refused. */
const signIn = async (username: string, password: string) => {
  const database = await openPglite({ dataDir });
  try {
    const app = createApp({
      database,
      clock: systemClock,
      logger: silentLogger,
      config: { ...DEFAULT_CONFIG, demo: false },
      notifier: outboxNotifier(database.db, systemClock),
    });
    const res = await apiClient(app).auth.login.$post({ json: { username, password } });
    return res.status === 200 ? (await answerOf(res, 200)).staff : null;
  } finally {
    await database.close();
  }
};

// The command runs against the embedded database here; the PostgreSQL project would only repeat it.
describe.runIf(inject("testDatabase").kind === "pglite")("the create-admin command", () => {
  it("creates the first admin from a password on standard input, who can then sign in", async () => {
    const result = run(["--username", "first.admin", "--name", "First Admin"], "a-long-enough-password");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("Created admin first.admin");
    expect(result.stdout + result.stderr).not.toContain("a-long-enough-password");

    expect(await signIn("first.admin", "a-long-enough-password")).toMatchObject({
      username: "first.admin",
      role: "admin",
    });
  }, 60_000);

  it("does not show a password typed at a terminal; backspace corrects it, and it is asked twice", async () => {
    const { shown, status } = await runAtTerminal(
      ["--username", "typed.admin", "--name", "Typed Admin"],
      [
        { after: "Password for typed.admin", type: "typed-secret-passwordX\u007f\r" },
        { after: "again", type: "typed-secret-password\r" },
      ],
    );
    expect(status, shown).toBe(0);
    expect(shown).toContain("Created admin typed.admin");
    expect(shown).not.toContain("typed-secret");
    expect(shown).not.toContain("*");
    expect(await signIn("typed.admin", "typed-secret-password")).not.toBeNull();
  }, 60_000);

  it("at a terminal, stops on Ctrl-C, and on two passwords that differ, creating nobody", async () => {
    const cancelled = await runAtTerminal(
      ["--username", "gone.admin", "--name", "Gone"],
      [{ after: "Password for gone.admin", type: "half-typed\u0003" }],
    );
    expect(cancelled.status).toBe(130);
    expect(cancelled.shown).not.toContain("half-typed");
    const differ = await runAtTerminal(
      ["--username", "gone.admin", "--name", "Gone"],
      [
        { after: "Password for gone.admin", type: "first-long-password\r" },
        { after: "again", type: "second-long-password\r" },
      ],
    );
    expect(differ.status).toBe(2);
    expect(differ.shown).toContain("The two passwords differ");
    expect(differ.shown).not.toMatch(/first-long|second-long/);
    expect(await signIn("gone.admin", "first-long-password")).toBeNull();
  }, 60_000);

  it("at a terminal, takes Ctrl-D as cancel, creating nobody", async () => {
    const cancelled = await runAtTerminal(
      ["--username", "eof.admin", "--name", "Eof"],
      [{ after: "Password for eof.admin", type: "half-typed\u0004" }],
    );
    expect(cancelled.status, cancelled.shown).toBe(1);
    expect(cancelled.shown).toContain("Cancelled; nobody was created.");
    expect(cancelled.shown).not.toContain("half-typed");
    expect(await signIn("eof.admin", "half-typed")).toBeNull();
  }, 60_000);

  it("on a data folder another process holds, says so before asking for a password", async () => {
    const held = mkdtempSync(join(tmpdir(), "rd-admin-held-"));
    const lock = lockDataDir(held);
    try {
      const { shown, status } = await runAtTerminal(
        ["--username", "late.admin", "--name", "Late"],
        [
          { after: "Password for late.admin", type: "a-long-enough-password\r" },
          { after: "again", type: "a-long-enough-password\r" },
        ],
        held,
      );
      expect(status, shown).toBe(1);
      expect(shown).not.toContain("Password for");
      expect(shown.trim()).toBe(
        `create-admin cannot start: The data folder ${held} is in use by another Recovery Desk process (pid ${process.pid}). Stop that process first, or set DATA_DIR to another folder.`,
      );
    } finally {
      lock.release();
      rmSync(held, { recursive: true, force: true });
    }
  }, 60_000);

  it("refuses a short password, a taken username and missing arguments", () => {
    expect(run(["--username", "second.admin", "--name", "Second"], "short").status).toBe(2);
    expect(run(["--username", "taken.admin", "--name", "Taken"], "a-long-enough-password").status).toBe(0);
    expect(run(["--username", "taken.admin", "--name", "Again"], "another-long-password").status).toBe(1);
    expect(run(["--name", "No Username"], "another-long-password").status).toBe(2);
  }, 60_000);
});
