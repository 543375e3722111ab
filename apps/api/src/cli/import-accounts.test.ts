import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { count, like, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../db/client.ts";
import { accounts } from "../db/schema/index.ts";

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "rd-import-"));
const dataDir = join(folder, "data");
const file = join(folder, "accounts.ndjson");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const LINES = 2000;
const BAD_LINE = 1250;
const command = ["--import", "tsx", "src/cli/import-accounts.ts", file, "--batch-size", "50"];
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", DEMO: "false", LOG_LEVEL: "silent" };

writeFileSync(
  file,
  Array.from({ length: LINES }, (_, i) =>
    i + 1 === BAD_LINE
      ? JSON.stringify({ username: "no.name", language: "en" })
      : JSON.stringify({
          username: `cli.import.${i}`,
          displayName: `Cleo Importer${i}`,
          firstName: "Cleo",
          lastName: `Importer${i}`,
          email: null,
          emailVerified: false,
          phone: null,
          phoneVerified: false,
          language: "en",
          addresses: [{ kind: "home", line1: `${i + 1} Quay Street`, city: "Bangor", state: "ME", zip: "04401" }],
        }),
  )
    .map((line) => `${line}\n`)
    .join(""),
);

/** The line the command notes it has got to, 0 before it notes any. */
function noted(): number {
  try {
    return (JSON.parse(readFileSync(`${file}.import-progress`, "utf8")) as { line: number }).line;
  } catch {
    return 0;
  }
}
const n = (value: number) => value.toLocaleString("en-US");

const run = () => spawnSync(process.execPath, command, { cwd: API_ROOT, encoding: "utf8", env });

async function importedAccounts(): Promise<number> {
  const database = await openPglite({ dataDir });
  try {
    const [row] = await database.db
      .select({ n: count() })
      .from(accounts)
      .where(like(accounts.username, "cli.import.%"));
    return row?.n ?? 0;
  } finally {
    await database.close();
  }
}

describe("pnpm accounts:import", () => {
  it("killed half-way, carries on where it stopped: no duplicates, nothing lost, the refused line reported once", async () => {
    const first = spawn(process.execPath, command, { cwd: API_ROOT, env, stdio: "ignore" });
    const ended = new Promise((resolve) => first.on("close", resolve));
    // Killed outright (no chance to tidy up) once about a third of the file is in.
    while (noted() < LINES / 3) await new Promise((r) => setTimeout(r, 20));
    first.kill("SIGKILL");
    await ended;
    expect(noted()).toBeLessThan(LINES);

    const second = run();
    expect(second.stderr).toContain(`Resuming ${file} after line`);
    // A batch committed just before the kill but not yet noted is read again and found unchanged.
    const [, created, unchanged] =
      /Done: ([\d,]+) created, 0 updated, ([\d,]+) unchanged, 1 refused/.exec(second.stderr) ?? [];
    expect(Number(created?.replaceAll(",", "")) + Number(unchanged?.replaceAll(",", ""))).toBe(LINES - 1);
    expect(second.status).toBe(3);
    expect(existsSync(`${file}.import-progress`)).toBe(false);
    const report = readFileSync(`${file}.rejected.ndjson`, "utf8").trim().split("\n");
    expect(report.map((line) => JSON.parse(line).line)).toEqual([BAD_LINE]);
    expect(await importedAccounts()).toBe(LINES - 1);

    const third = run();
    expect(third.stderr).toContain(`Importing ${file} (ndjson)`);
    expect(third.stderr).toContain(`Done: 0 created, 0 updated, ${n(LINES - 1)} unchanged, 1 refused`);
    expect(await importedAccounts()).toBe(LINES - 1);
  }, 120_000);

  it("stopped by a failing write, says so without the rows the statement carried", async () => {
    const failing = join(folder, "failing");
    const failingFile = join(folder, "failing.ndjson");
    const database = await openPglite({ dataDir: failing });
    try {
      await database.migrate();
      await database.db.execute(
        sql`alter table accounts add constraint refuses_leak check (username not like 'leak.%')`,
      );
    } finally {
      await database.close();
    }
    writeFileSync(
      failingFile,
      `${JSON.stringify({
        username: "leak.check",
        displayName: "Lena Leak",
        firstName: "Lena",
        lastName: "Leak",
        email: "lena.private@example.com",
        emailVerified: true,
        phone: null,
        phoneVerified: false,
        language: "en",
        addresses: [],
        securityQuestions: [{ prompt: "In what city were you born?", answer: "Kalamazoo" }],
      })}\n`,
    );
    const result = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/import-accounts.ts", failingFile, "--restart"],
      { cwd: API_ROOT, encoding: "utf8", env: { ...env, DATA_DIR: failing } },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("The import stopped:");
    expect(result.stderr).toContain("refuses_leak");
    expect(result.stderr).not.toContain("lena.private@example.com");
    expect(result.stderr).not.toContain("$argon2");
    expect(result.stderr).not.toContain("Kalamazoo");
  }, 60_000);
});
