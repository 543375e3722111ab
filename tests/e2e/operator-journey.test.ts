/**
 * A new operator's first day, as the README and docs/deploy.md tell it, on a fresh real PostgreSQL:
 * create the database's owner and the database, `pnpm migrate`, `pnpm create-admin`, start the built
 * server outside demo mode (DELIVERY=outbox), sign in and create an API key, export 100,000 demo
 * accounts and `pnpm accounts:import` them; then in the console find an imported caller, verify them
 * by a code to their phone and one to their email, and send a temporary password by email, which the
 * login service then checks once with the key. Codes and the password are read from the outbox table,
 * where DELIVERY=outbox leaves them. Each step's time is printed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchBrowser, screenshotOnFailure } from "@recovery-desk/test-support/browser";
import {
  type PostgresCluster,
  skipWithoutPostgres,
  startPostgresCluster,
} from "@recovery-desk/test-support/postgres-cluster";
import { buildApi, REPO_ROOT, type RunningServer, startServer } from "@recovery-desk/test-support/server";
import { openAccount, signIn, toast, verifyPanel } from "@recovery-desk/test-support/session";
import type { Browser, Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, afterEach, describe, expect, it } from "vitest";

const skip = skipWithoutPostgres("the operator's journey");

const ADMIN = { username: "olga.operator", name: "Olga Operator", password: "a long admin password" };
const ACCOUNTS = 100_000;
// A demo persona (the export puts them first) with a verified phone and a verified email.
const CALLER = { username: "kim.nguyen", name: "Kim Nguyen", phone: "+15035550178", email: "kim.nguyen@example.com" };
const TEMPORARY_PASSWORD = /\b([A-Za-z0-9]{4}(?:-[A-Za-z0-9]{4}){3})\b/;

let cluster: PostgresCluster | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let sql: postgres.Sql | undefined;
const work = mkdtempSync(join(tmpdir(), "rd-operator-"));
const apiBuild = join(REPO_ROOT, `apps/api/.tmp/operator-journey-build-${process.pid}`);

/** Runs a root `pnpm` script as an operator would, with `env` added; its exit code and what it printed. */
function pnpm(args: string[], env: Record<string, string>, input?: string) {
  const run = spawnSync("pnpm", args, {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    input,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

const times: [string, number][] = [];
/** Runs one step of the journey and notes how long it took. */
async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await run();
  times.push([name, (performance.now() - started) / 1000]);
  return result;
}

/** The body of the newest message of `kind` (a code, a temporary password: not a notice) to `recipient`, read straight from the database. */
async function newestOutboxBody(recipient: string, kind: "code" | "temporary_password"): Promise<string> {
  const [row] = await (sql as postgres.Sql)<{ body: string }[]>`
    select body from outbox where recipient = ${recipient} and kind = ${kind} order by created_at desc, id desc limit 1`;
  if (!row) throw new Error(`No outbox message to ${recipient}`);
  return row.body;
}

async function newestCode(recipient: string): Promise<string> {
  const code = /\b(\d{6})\b/.exec(await newestOutboxBody(recipient, "code"))?.[1];
  if (!code) throw new Error(`The newest message to ${recipient} holds no 6-digit code`);
  return code;
}

/** Reads the code sent to `recipient` into the open code step and sends it. */
async function enterCode(p: Page, recipient: string): Promise<void> {
  const box = verifyPanel(p).getByLabel("Code the caller reads out");
  await box.waitFor();
  await box.fill(await newestCode(recipient));
  await p.keyboard.press("Enter");
}

describe.skipIf(skip)("a new operator on a fresh PostgreSQL", () => {
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(page, `operator ${context.task.name}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sql?.end();
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
    rmSync(apiBuild, { recursive: true, force: true });
    const lines = times.map(([name, seconds]) => `  ${seconds.toFixed(1).padStart(6)}  ${name}`);
    process.stdout.write(`Operator's journey, seconds per step:\n${lines.join("\n")}\n`);
  });

  it("migrates, creates an admin and a key, imports 100,000 accounts, and a temporary password sent from the console passes the login service's check once", async () => {
    const ownerUrl = await step("PostgreSQL cluster, owner and database", async () => {
      cluster = await startPostgresCluster({ label: "operator" });
      const superuser = postgres(cluster.url, { max: 1, onnotice: () => {} });
      try {
        await superuser.unsafe("create role recovery_desk_owner login password 'owner-password'");
        await superuser.unsafe("create database recovery_desk owner recovery_desk_owner");
      } finally {
        await superuser.end();
      }
      const url = new URL(cluster.url);
      url.username = "recovery_desk_owner";
      url.password = "owner-password";
      url.pathname = "/recovery_desk";
      return url.toString();
    });
    const env = { DATABASE_URL: ownerUrl };
    sql = postgres(ownerUrl, { max: 2, onnotice: () => {} });

    await step("pnpm migrate", () => {
      const migrate = pnpm(["migrate"], env);
      expect(migrate.status, migrate.output).toBe(0);
      expect(migrate.output).toMatch(/Applied \d+ migrations to PostgreSQL/);
    });

    await step("pnpm create-admin", () => {
      const args = ["create-admin", "--username", ADMIN.username, "--name", ADMIN.name];
      const created = pnpm(args, env, `${ADMIN.password}\n`);
      expect(created.status, created.output).toBe(0);
      expect(created.output).not.toContain(ADMIN.password);
    });

    await step("build the API and start it (DEMO=false, DELIVERY=outbox)", async () => {
      mkdirSync(apiBuild, { recursive: true });
      const built = buildApi(apiBuild);
      server = await startServer({ ...env, DEMO: "false", DELIVERY: "outbox" }, { built });
    });
    const baseUrl = (server as RunningServer).baseUrl;

    const key = await step("sign in as the admin and create an API key", async () => {
      const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: ADMIN.username, password: ADMIN.password }),
      });
      expect(login.status, await login.clone().text()).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .find((c) => c?.startsWith("rd_session="));
      const created = await fetch(`${baseUrl}/api/v1/api-keys`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookie ?? "" },
        body: JSON.stringify({
          name: "System of record and login service",
          scopes: ["accounts:write", "login-events:write"],
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      return ((await created.json()) as { key: string }).key;
    });

    const file = join(work, "accounts.ndjson");
    await step(`pnpm accounts:export-demo --count ${ACCOUNTS} --without-answers`, () => {
      const exported = pnpm(
        ["accounts:export-demo", "--count", String(ACCOUNTS), "--without-answers", "--out", file],
        {},
      );
      expect(exported.status, exported.output).toBe(0);
    });

    await step(`pnpm accounts:import (${ACCOUNTS.toLocaleString("en-US")} accounts)`, () => {
      const imported = pnpm(["accounts:import", file], env);
      expect(imported.status, imported.output).toBe(0);
      expect(imported.output).toContain(`Done: ${ACCOUNTS.toLocaleString("en-US")} created`);
    });
    const [count] = await sql<{ n: string }[]>`select count(*) as n from accounts`;
    expect(Number(count?.n)).toBe(ACCOUNTS);

    const p = await step("console: the admin signs in and finds the caller", async () => {
      browser = await launchBrowser();
      page = await browser.newPage();
      await signIn(page, baseUrl, ADMIN.username, ADMIN.password);
      await page.getByRole("searchbox", { name: "Search accounts" }).fill(CALLER.name);
      await expect.poll(() => page?.getByRole("link", { name: CALLER.name }).count()).toBeGreaterThan(0);
      await openAccount(page, baseUrl, CALLER.username);
      return page;
    });
    const panel = verifyPanel(p);

    await step("console: verify the caller by a code by text message and one by email", async () => {
      await panel.getByRole("button", { name: "Code by text message" }).click();
      await enterCode(p, CALLER.phone);
      await expect.poll(() => panel.getByRole("timer", { name: "Time left in the verified window" }).count()).toBe(1);
      // A temporary password needs a second piece of evidence: the console offers the email code
      // as the next step, and it adds to the open window.
      const also = p.getByRole("group", { name: "Verify the caller also by" });
      await also.getByRole("button", { name: "Code by email" }).click();
      await enterCode(p, CALLER.email);
      // The window now rests on both codes (read from the database: the console words it either way).
      const evidence = async () => {
        const rows = await (sql as postgres.Sql)<{ evidence: string[] }[]>`
          select v.evidence from verifications v join accounts a on a.id = v.account_id
          where a.username = ${CALLER.username} and v.verified_until > now()`;
        return rows.some((row) => row.evidence.includes("sms") && row.evidence.includes("email"));
      };
      await expect.poll(evidence, { timeout: 10_000 }).toBe(true);
    });

    const password = await step("console: send a temporary password by email", async () => {
      await p.getByRole("button", { name: "Send temporary password" }).click();
      const dialog = p.getByRole("dialog");
      await dialog.getByLabel(/^Email/).check();
      await dialog.getByRole("button", { name: /Send temporary password/ }).click();
      await dialog.waitFor({ state: "detached" });
      await toast(p, "Temporary password sent").first().waitFor();
      const sent = TEMPORARY_PASSWORD.exec(await newestOutboxBody(CALLER.email, "temporary_password"))?.[1] ?? "";
      expect(sent).not.toBe("");
      expect(await p.content()).not.toContain(sent);
      return sent;
    });

    await step("login service: check the temporary password twice with the key", async () => {
      const check = () =>
        fetch(`${baseUrl}/api/v1/temporary-passwords/check`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body: JSON.stringify({ username: CALLER.username, password }),
        });
      const first = await check();
      expect(first.status, await first.clone().text()).toBe(200);
      expect(await first.json()).toMatchObject({ valid: true, mustChange: true });
      const second = await check();
      expect(await second.json()).toMatchObject({ valid: false });
    });
  }, 300_000);
});
