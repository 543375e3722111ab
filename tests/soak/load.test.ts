/**
 * A bounded load run on loopback: mixed agent traffic (search by name, phone, ZIP and username,
 * account detail, timeline), a supervisor reading the audit trail, and some writes (the login
 * service reporting logins, agents starting verifications) for a fixed time with autocannon. The
 * error rate must be zero; latency and throughput are reported, not asserted (the benchmarks own
 * speed targets). The figures go to .tmp/soak-load.json.
 */

import { quantile } from "@recovery-desk/test-support/stats";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyClient, signIn } from "./client.ts";
import { report, type SoakWorld, startSoakWorld, verifyAuditChain, writeReport } from "./world.ts";

const DURATION_S = 20;
const CONNECTIONS = 16;

interface Sample {
  id: string;
  username: string;
  displayName: string;
  phone: string | null;
  zip5: string | null;
}

interface Kind {
  name: string;
  weight: number;
  /** Statuses this request may answer with; anything else counts as an error. */
  expected: number[];
  build(
    account: Sample,
    n: number,
  ): { method: "GET" | "POST"; path: string; body?: unknown; as: "agent" | "supervisor" | "service" };
}

/** (217) 555-0142 from +12175550142: the way a caller reads a number out. */
const spoken = (phone: string) => phone.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3");

const KINDS: Kind[] = [
  {
    name: "search by name",
    weight: 20,
    expected: [200],
    build: (a) => ({ method: "GET", path: `/api/v1/accounts?q=${encodeURIComponent(a.displayName)}`, as: "agent" }),
  },
  {
    name: "search by phone",
    weight: 12,
    expected: [200],
    build: (a) => ({
      method: "GET",
      path: `/api/v1/accounts?q=${encodeURIComponent(spoken(a.phone ?? "+12175550142"))}`,
      as: "agent",
    }),
  },
  {
    name: "search by ZIP",
    weight: 12,
    expected: [200],
    build: (a) => ({ method: "GET", path: `/api/v1/accounts?q=${a.zip5 ?? "62701"}`, as: "agent" }),
  },
  {
    name: "search by username",
    weight: 6,
    expected: [200],
    build: (a) => ({
      method: "GET",
      path: `/api/v1/accounts?q=${encodeURIComponent(a.username.slice(0, 5))}`,
      as: "agent",
    }),
  },
  {
    name: "account detail",
    weight: 14,
    expected: [200],
    build: (a) => ({ method: "GET", path: `/api/v1/accounts/${a.id}`, as: "agent" }),
  },
  {
    name: "timeline",
    weight: 10,
    expected: [200],
    build: (a) => ({ method: "GET", path: `/api/v1/accounts/${a.id}/timeline`, as: "agent" }),
  },
  {
    name: "audit listing",
    weight: 10,
    expected: [200],
    build: (a, n) => ({
      method: "GET",
      path: n % 2 ? "/api/v1/audit-events?limit=50" : `/api/v1/audit-events?accountId=${a.id}&limit=50`,
      as: "supervisor",
    }),
  },
  {
    name: "login event (write)",
    weight: 10,
    expected: [200],
    build: (a, n) => ({
      method: "POST",
      path: "/api/v1/login-events",
      body: { username: a.username, outcome: n % 4 === 0 ? "failure" : "success" },
      as: "service",
    }),
  },
  {
    name: "start verification (write)",
    weight: 6,
    // 409: a closed or merged account; 423: its question verification is locked.
    expected: [201, 409, 423],
    build: (a) => ({
      method: "POST",
      path: `/api/v1/accounts/${a.id}/verifications`,
      body: { method: "security_questions", caseRef: "LOAD-1" },
      as: "agent",
    }),
  },
];

let world: SoakWorld;
/** The headers of each caller: agents' sessions, the supervisor's session, the login service's key. */
let callers: { agent: Record<string, string>[]; supervisor: Record<string, string>; service: Record<string, string> };
let samples: Sample[];

beforeAll(async () => {
  world = await startSoakWorld("load");
  const { baseUrl } = world.server;
  const agents = await Promise.all([1, 2, 3].map((n) => signIn(baseUrl, "ava.agent", `ava #${n}`)));
  const admin = await signIn(baseUrl, "ada.admin");
  const service = await apiKeyClient(admin, "login service", ["login-events:write"]);
  callers = {
    agent: agents.map((a) => a.authHeaders()),
    supervisor: world.supervisor.authHeaders(),
    service: service.authHeaders(),
  };
  // What callers would say: names, numbers and ZIP codes of real accounts in the demo world.
  samples = await world.sql<Sample[]>`
    select a.id, a.username::text as username, a.display_name as "displayName", a.phone, min(ad.zip5) as zip5
    from accounts a left join addresses ad on ad.account_id = a.id
    group by a.id order by a.id limit 400`;
});

afterAll(async () => {
  await world?.stop();
});

describe("load", () => {
  it(`serves ${DURATION_S} s of mixed agent traffic on ${CONNECTIONS} connections without an error`, async () => {
    const totalWeight = KINDS.reduce((sum, k) => sum + k.weight, 0);
    const pick = (n: number): Kind => {
      let r = (n * 7919) % totalWeight;
      for (const kind of KINDS) {
        if (r < kind.weight) return kind;
        r -= kind.weight;
      }
      return KINDS[0] as Kind;
    };
    const perKind = new Map(
      KINDS.map((k) => [
        k.name,
        { requests: 0, unexpected: 0, statuses: {} as Record<string, number>, ms: [] as number[] },
      ]),
    );
    const latencies: number[] = [];
    const unexpectedSamples: string[] = [];
    let n = 0;

    const options: autocannon.Options = {
      url: world.server.baseUrl,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: [
        {
          setupRequest: (request, context) => {
            const ctx = context as { kind?: Kind; started?: number };
            const i = n++;
            const kind = pick(i);
            const built = kind.build(samples[(i * 31) % samples.length] as Sample, i);
            ctx.kind = kind;
            ctx.started = performance.now();
            const headers: Record<string, string> = {
              ...(built.as === "agent" ? callers.agent[i % callers.agent.length] : callers[built.as]),
            };
            if (built.body !== undefined) headers["content-type"] = "application/json";
            return {
              ...request,
              method: built.method,
              path: built.path,
              headers,
              body: built.body === undefined ? undefined : JSON.stringify(built.body),
            };
          },
          onResponse: (status, body, context) => {
            const ctx = context as { kind?: Kind; started?: number };
            const kind = ctx.kind;
            if (!kind) return;
            const stats = perKind.get(kind.name);
            if (!stats) return;
            stats.requests++;
            stats.statuses[status] = (stats.statuses[status] ?? 0) + 1;
            if (ctx.started !== undefined) stats.ms.push(performance.now() - ctx.started);
            if (!kind.expected.includes(status)) {
              stats.unexpected++;
              if (unexpectedSamples.length < 10)
                unexpectedSamples.push(`${kind.name}: ${status} ${body.slice(0, 200)}`);
            }
          },
        },
      ],
    };
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
      instance.on("response", (_client, _status, _bytes, responseTime) => {
        latencies.push(responseTime);
      });
    });

    latencies.sort((a, b) => a - b);
    const unexpected = [...perKind.values()].reduce((sum, k) => sum + k.unexpected, 0);
    const requests = latencies.length;
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const figures = {
      durationS: DURATION_S,
      connections: CONNECTIONS,
      requests,
      requestsPerSecond: Math.round((requests / DURATION_S) * 10) / 10,
      latencyMs: {
        p50: round(quantile(latencies, 0.5)),
        p95: round(quantile(latencies, 0.95)),
        p99: round(quantile(latencies, 0.99)),
        max: round(latencies.at(-1) ?? 0),
      },
      errors: result.errors,
      timeouts: result.timeouts,
      unexpectedStatus: unexpected,
      errorRate: requests ? (result.errors + result.timeouts + unexpected) / requests : 0,
      byKind: Object.fromEntries(
        [...perKind].map(([name, k]) => {
          const sorted = [...k.ms].sort((a, b) => a - b);
          return [
            name,
            {
              requests: k.requests,
              statuses: k.statuses,
              unexpected: k.unexpected,
              p50Ms: round(quantile(sorted, 0.5)),
              p95Ms: round(quantile(sorted, 0.95)),
            },
          ];
        }),
      ),
    };
    const file = writeReport("soak-load.json", figures);
    const line = (cells: (string | number)[]) =>
      `  ${String(cells[0]).padEnd(28)}${cells
        .slice(1)
        .map((c) => String(c).padStart(10))
        .join("")}`;
    report(
      [
        `Load: ${DURATION_S} s, ${CONNECTIONS} connections, loopback, PostgreSQL 15 (${file})`,
        line(["request", "count", "unexpect.", "p50 ms", "p95 ms"]),
        ...Object.entries(figures.byKind).map(([name, k]) => line([name, k.requests, k.unexpected, k.p50Ms, k.p95Ms])),
        line(["all", requests, unexpected, figures.latencyMs.p50, figures.latencyMs.p95]),
        `  ${figures.requestsPerSecond} requests/s; latency p50 ${figures.latencyMs.p50} ms, p95 ${figures.latencyMs.p95} ms, p99 ${figures.latencyMs.p99} ms, max ${figures.latencyMs.max} ms; errors ${result.errors}, timeouts ${result.timeouts}, unexpected statuses ${unexpected}`,
        ...unexpectedSamples.map((s) => `  unexpected: ${s}`),
      ].join("\n"),
    );

    expect(requests).toBeGreaterThan(0);
    expect(unexpectedSamples).toEqual([]);
    expect({ errors: result.errors, timeouts: result.timeouts, unexpected }).toEqual({
      errors: 0,
      timeouts: 0,
      unexpected: 0,
    });
    for (const kind of KINDS) expect(perKind.get(kind.name)?.requests, kind.name).toBeGreaterThan(0);

    const chain = await verifyAuditChain(world.supervisor);
    expect(chain).toMatchObject({ ok: true, checked: chain.headSeq });
  });
});
