/**
 * A production set-up on a real PostgreSQL, end to end: the database's owner runs `pnpm migrate`
 * and creates the first admin; the least-privilege role is made with the SQL docs/audit.md gives;
 * the built server (plain `node`, no tsx) runs as that role with MIGRATE_ON_START=false, and an
 * admin signs in and reads who they are. A server told not to migrate refuses a database that is
 * behind, saying to run `pnpm migrate`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@recovery-desk/test-support/ports";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const REPO_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const DATABASE = "rd_least_privilege";
const PASSWORD = "a long admin password";

/** The statements of the SQL block docs/audit.md gives for the API's role. */
function roleStatementsFromTheDocs(): string[] {
  const doc = readFileSync(join(REPO_ROOT, "docs/audit.md"), "utf8");
  const block = /```sql\n([\s\S]*?CREATE ROLE recovery_desk_app[\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error("docs/audit.md has no SQL block creating recovery_desk_app");
  return block
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean)
    .map((statement) => statement.replace("PASSWORD '…'", "PASSWORD 'app-password'"));
}

function urlAs(adminUrl: string, role: string): string {
  const url = new URL(adminUrl);
  url.username = role;
  url.pathname = `/${DATABASE}`;
  return url.toString();
}

const source = inject("testDatabase");

describe.runIf(source.kind === "postgres")("the API as the least-privilege database role", () => {
  const adminUrl = source.kind === "postgres" ? source.adminUrl : "";
  const outdir = join(API_ROOT, `.tmp/least-privilege-build-${process.pid}`);
  const servers: ChildProcess[] = [];

  /** Runs the built server until it is ready (resolves its address) or exits (rejects with what it printed). */
  async function startBuilt(env: Record<string, string>): Promise<{ baseUrl: string; exited: Promise<string> }> {
    const port = await freePort();
    const child = spawn(process.execPath, ["--enable-source-maps", join(outdir, "server.js")], {
      cwd: API_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DEMO: "false",
        DELIVERY: "outbox",
        LOG_LEVEL: "warn",
        CONSOLE_DIST: "",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    servers.push(child);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<string>((resolve) => child.once("exit", (code) => resolve(`exit ${code}\n${output}`)));
    const baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(await exited);
      try {
        if ((await fetch(`${baseUrl}/readyz`)).ok) return { baseUrl, exited };
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`The built server was not ready in 30 seconds:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(() => {
    mkdirSync(outdir, { recursive: true });
    const build = spawnSync(process.execPath, ["build.mjs", outdir], { cwd: API_ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`The API build failed:\n${build.stdout}\n${build.stderr}`);
  });
  afterAll(async () => {
    for (const child of servers) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(outdir, { recursive: true, force: true });
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${DATABASE} with (force)`);
    await admin.unsafe("drop role if exists recovery_desk_app");
    await admin.unsafe("drop role if exists recovery_desk_owner");
    await admin.end();
  });

  it("migrates as the owner, then serves a signed-in admin as a role that cannot change the schema", async () => {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe("create role recovery_desk_owner login");
      await admin.unsafe(`create database ${DATABASE} owner recovery_desk_owner`);
    } finally {
      await admin.end();
    }
    const ownerUrl = urlAs(adminUrl, "recovery_desk_owner");
    const appUrl = urlAs(adminUrl, "recovery_desk_app");

    // A server that may not migrate refuses an empty database and says what to run.
    const refused = await startBuilt({ DATABASE_URL: ownerUrl, MIGRATE_ON_START: "false" }).then(
      () => "started",
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/^exit 1/);
    expect(refused).toContain("Run `pnpm migrate`");

    const tsxEnv = { ...process.env, DATABASE_URL: ownerUrl, LOG_LEVEL: "silent" };
    const migrate = spawnSync(process.execPath, ["--import", "tsx", "src/cli/migrate.ts"], {
      cwd: API_ROOT,
      env: tsxEnv,
      encoding: "utf8",
    });
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stderr).toMatch(/Applied \d+ migrations to PostgreSQL/);
    const again = spawnSync(process.execPath, ["--import", "tsx", "src/cli/migrate.ts"], {
      cwd: API_ROOT,
      env: tsxEnv,
      encoding: "utf8",
    });
    expect(again.stderr).toContain("up to date");

    const createAdmin = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/create-admin.ts", "--username", "olga.owner", "--name", "Olga Owner"],
      { cwd: API_ROOT, env: tsxEnv, input: `${PASSWORD}\n`, encoding: "utf8" },
    );
    expect(createAdmin.status, createAdmin.stderr).toBe(0);

    const superuser = postgres(urlAs(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
    try {
      for (const statement of roleStatementsFromTheDocs()) await superuser.unsafe(statement);
    } finally {
      await superuser.end();
    }
    const app = postgres(appUrl, { max: 1, onnotice: () => {} });
    try {
      await expect(app.unsafe("create table not_allowed (id int)")).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }

    const { baseUrl } = await startBuilt({ DATABASE_URL: appUrl, MIGRATE_ON_START: "false" });
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "olga.owner", password: PASSWORD }),
    });
    expect(login.status, await login.clone().text()).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .find((c) => c?.startsWith("rd_session="));
    expect(cookie).toBeTruthy();
    const me = await fetch(`${baseUrl}/api/v1/auth/me`, { headers: { cookie: cookie ?? "" } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { staff: { username: string } }).staff.username).toBe("olga.owner");
  }, 120_000);
});
