/**
 * Fault (b): PostgreSQL is stopped and started again while agents, a supervisor and the login
 * service keep sending requests. While the database is down the API must answer quickly with 503
 * problem+json (never 500, never hang) and report not ready; when it is back the API must serve
 * again by itself, without being restarted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountSummary, type ApiClient, apiKeyClient, type Outcome, signIn, waitFor } from "./client.ts";
import { controlPostgres, type PostgresControl } from "./postgres-control.ts";
import { report, type SoakWorld, startSoakWorld, verifyAuditChain } from "./world.ts";

type Phase = "up" | "stopping" | "down" | "starting" | "recovered";

interface Sample {
  kind: string;
  sentIn: Phase;
  doneIn: Phase;
  outcome: Outcome;
}

let world: SoakWorld;
let postgresControl: PostgresControl;
let agent: ApiClient;
let loginService: ApiClient;
let accounts: AccountSummary[];

beforeAll(async () => {
  world = await startSoakWorld("pg-restart");
  postgresControl = controlPostgres(world.cluster);
  agent = await signIn(world.server.baseUrl, "ava.agent");
  const admin = await signIn(world.server.baseUrl, "ada.admin");
  loginService = await apiKeyClient(admin, "login service", ["login-events:write"]);
  accounts = (await agent.get<{ items: AccountSummary[] }>("/api/v1/accounts?status=active&limit=200")).items;
});

afterAll(async () => {
  if (postgresControl && !postgresControl.running()) await postgresControl.start().catch(() => {});
  await world?.stop();
});

/** One request of the mixed traffic: reads by agents and the supervisor, writes by the login service. */
function mixedRequest(n: number): { kind: string; send: () => Promise<Outcome> } {
  const account = accounts[n % accounts.length] as AccountSummary;
  switch (n % 6) {
    case 0:
      return {
        kind: "search name",
        send: () => agent.send("GET", `/api/v1/accounts?q=${encodeURIComponent(account.displayName)}`),
      };
    case 1:
      return { kind: "search zip", send: () => agent.send("GET", `/api/v1/accounts?q=${account.zip5 ?? "62701"}`) };
    case 2:
      return { kind: "detail", send: () => agent.send("GET", `/api/v1/accounts/${account.id}`) };
    case 3:
      return { kind: "timeline", send: () => agent.send("GET", `/api/v1/accounts/${account.id}/timeline`) };
    case 4:
      return { kind: "audit list", send: () => world.supervisor.send("GET", "/api/v1/audit-events?limit=20") };
    default:
      return {
        kind: "login event",
        send: () =>
          loginService.send("POST", "/api/v1/login-events", {
            body: { username: account.username, outcome: "success" },
            idempotencyKey: `pg-restart-${crypto.randomUUID()}`,
          }),
      };
  }
}

const summary = (o: Outcome) => (o.kind === "failed" ? o.error : `${o.status} ${JSON.stringify(o.body).slice(0, 200)}`);

const isProblem = (o: Outcome, code: string) =>
  o.kind === "answer" &&
  o.contentType.startsWith("application/problem+json") &&
  (o.body as { code?: string }).code === code;

describe("PostgreSQL restarts under load", () => {
  it.each([
    ["stopped cleanly (pg_ctl stop -m fast)", "fast"],
    ["crashed (pg_ctl stop -m immediate)", "immediate"],
  ] as const)(
    "%s: the API answers 503 problem+json while it is down, reports not ready, and recovers by itself",
    async (_label, mode) => {
      const pidBefore = world.server.pid;
      let phase: Phase = "up";
      const samples: Sample[] = [];
      let running = true;
      let n = 0;
      const workers = Array.from({ length: 6 }, async () => {
        while (running) {
          const request = mixedRequest(n++);
          const sentIn = phase;
          const outcome = await request.send();
          samples.push({ kind: request.kind, sentIn, doneIn: phase, outcome });
        }
      });

      // The load stops whatever happens, so a failed step cannot leave it running.
      let ready: Outcome | undefined;
      let recoveredAfterMs = 0;
      let readyWhileDown: Outcome | undefined;
      let healthWhileDown: Outcome | undefined;
      let searchWhileDown: Outcome | undefined;
      let writeWhileDown: Outcome | undefined;
      try {
        // Under load with the database up.
        await waitFor("load with the database up", async () => (samples.length >= 60 ? true : undefined), 60_000, 50);

        phase = "stopping";
        await postgresControl.stop(mode);
        phase = "down";
        const downSince = samples.length;

        // The API says so: not ready, and 503 problem+json for every request that needs the database.
        readyWhileDown = await agent.send("GET", "/readyz");
        healthWhileDown = await agent.send("GET", "/healthz");
        searchWhileDown = await agent.send("GET", "/api/v1/accounts?q=62701");
        writeWhileDown = await loginService.send("POST", "/api/v1/login-events", {
          body: { username: "kim.nguyen", outcome: "success" },
        });
        await waitFor(
          "requests while the database is down",
          async () => (samples.length >= downSince + 60 ? true : undefined),
          60_000,
          50,
        );

        phase = "starting";
        await postgresControl.start();
        const startedAt = Date.now();
        ready = await waitFor(
          "the API to report ready again without a restart",
          async () => {
            const res = await agent.send("GET", "/readyz", { timeoutMs: 5_000 });
            return res.kind === "answer" && res.status === 200 ? res : undefined;
          },
          30_000,
        );
        recoveredAfterMs = Date.now() - startedAt;
        phase = "recovered";
        const recoveredSince = samples.length;
        await waitFor(
          "load after the restart",
          async () => (samples.length >= recoveredSince + 120 ? true : undefined),
          60_000,
          50,
        );
      } finally {
        running = false;
        await Promise.all(workers);
      }

      // After recovery every kind of request works again, one after another.
      const after: Sample[] = [];
      for (let i = 0; i < 60; i++) {
        const request = mixedRequest(10_000 + i);
        after.push({ kind: request.kind, sentIn: "recovered", doneIn: "recovered", outcome: await request.send() });
      }

      const tally = new Map<string, number>();
      for (const s of samples) {
        const o = s.outcome;
        const what = o.kind === "failed" ? `failed: ${o.error}` : String(o.status);
        const key = `${s.sentIn}→${s.doneIn} ${what}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      const slowest = Math.max(...samples.map((s) => s.outcome.ms));
      report(
        [
          `PostgreSQL ${mode} stop and start under load (request sent in phase → answered in phase, status: count):`,
          ...[...tally.entries()].sort().map(([k, v]) => `  ${k.padEnd(34)} ${v}`),
          `  slowest answer ${Math.round(slowest)} ms; ready again ${recoveredAfterMs} ms after PostgreSQL was up`,
        ].join("\n"),
      );

      expect(readyWhileDown).toMatchObject({
        kind: "answer",
        status: 503,
        body: { status: "unavailable", database: "down" },
      });
      expect(healthWhileDown).toMatchObject({ kind: "answer", status: 200 });
      expect(isProblem(searchWhileDown, "unavailable")).toBe(true);
      expect(isProblem(writeWhileDown, "unavailable")).toBe(true);
      expect(searchWhileDown.kind === "answer" && searchWhileDown.headers.get("retry-after")).toBeTruthy();
      expect(ready).toMatchObject({ status: 200, body: { database: "up" } });

      // Never a cut connection or a hang, never a 500: only answers, and a 503 only as problem+json "unavailable".
      const failed = samples.filter((s) => s.outcome.kind === "failed");
      expect(failed.map((s) => `${s.kind}: ${s.outcome.kind === "failed" ? s.outcome.error : ""}`)).toEqual([]);
      const bad = samples.filter(
        (s) =>
          s.outcome.kind === "answer" &&
          s.outcome.status >= 400 &&
          !(s.outcome.status === 503 && isProblem(s.outcome, "unavailable")),
      );
      expect(
        bad.map((s) => `${s.kind} ${s.sentIn}: ${JSON.stringify(s.outcome.kind === "answer" && s.outcome.body)}`),
      ).toEqual([]);
      // With the database up, before the stop, everything succeeded; while it was down, nothing did.
      const upAnswers = samples.filter((s) => s.sentIn === "up" && s.doneIn === "up");
      expect(upAnswers.every((s) => s.outcome.kind === "answer" && s.outcome.status < 300)).toBe(true);
      const downAnswers = samples.filter((s) => s.sentIn === "down" && s.doneIn === "down");
      expect(downAnswers.length).toBeGreaterThan(0);
      expect(downAnswers.every((s) => s.outcome.kind === "answer" && s.outcome.status === 503)).toBe(true);
      // Once it says it is ready again, everything succeeds, in the same process.
      const notOk = (list: Sample[]) =>
        list
          .filter((s) => s.outcome.kind !== "answer" || s.outcome.status >= 300)
          .map((s) => `${s.kind}: ${summary(s.outcome)}`);
      expect(notOk(samples.filter((s) => s.sentIn === "recovered"))).toEqual([]);
      expect(notOk(after)).toEqual([]);
      expect(world.server.pid).toBe(pidBefore);

      const chain = await verifyAuditChain(world.supervisor);
      expect(chain).toMatchObject({ ok: true, checked: chain.headSeq });
    },
  );
});
