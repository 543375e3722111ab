/**
 * What an operator reads: `GET /metrics` in Prometheus' text format (route patterns, not paths;
 * the pool, the hashing queue, the outbox and the audit checkpoint; a bearer token when one is
 * set), and the request log (string levels, ISO times, probes at debug, the problem's code, keys
 * named as keys).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { createKey } from "../test/hostile/callers.ts";

const TOKEN = "metrics-token-for-the-tests";
const consoleDist = mkdtempSync(join(tmpdir(), "rd-metrics-console-"));
const lines: Record<string, unknown>[] = [];
let t: TestContext;
let open: TestContext;

beforeAll(async () => {
  const logger = createLogger("debug", { write: (line: string) => void lines.push(JSON.parse(line)) });
  t = await createTestContext({ metricsToken: TOKEN }, { logger });
  writeFileSync(join(consoleDist, "index.html"), "<!doctype html><title>console</title>");
  open = await createTestContext({ consoleDist });
});
afterAll(async () => {
  await t.close();
  await open.close();
  rmSync(consoleDist, { recursive: true, force: true });
});

const scrape = async (context: TestContext, token?: string) => {
  const res = await context.request("/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};

/** The value of one series in a scrape, by its name and labels as Prometheus writes them. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("answers only a scraper with the token, compared whatever its length", async () => {
    expect((await scrape(t)).status).toBe(401);
    expect((await scrape(t, "wrong")).status).toBe(401);
    expect((await scrape(t, `${TOKEN}x`)).status).toBe(401);
    const ok = await scrape(t, TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.type).toContain("text/plain");
    expect(ok.text).not.toContain(TOKEN);
  });

  it("is open without a token in demo mode, outside the API's sign-in", async () => {
    expect((await scrape(open)).status).toBe(200);
  });

  it("serves nothing outside demo mode without a token", async () => {
    const real = await createTestContext({ demo: false });
    try {
      const res = await scrape(real);
      expect(res.status).toBe(404);
      expect(res.text).toContain("METRICS_TOKEN");
      expect(res.text).not.toContain("recovery_desk_");
    } finally {
      await real.close();
    }
  });

  it("counts requests by route pattern and status, never by the path as sent", async () => {
    const ada = await open.signIn("ada.admin");
    for (const id of ["acc_one", "acc_two", "acc_three"]) {
      expect((await open.request(`/api/v1/accounts/${id}`, { cookie: ada })).status).toBe(404);
    }
    await open.request("/healthz");
    expect((await open.request("/api/v1/accounts/acc_four")).status).toBe(401);
    expect((await open.request("/api/v1/no-such-thing")).status).toBe(404);
    expect((await open.request("/accounts/acc_five")).status).toBe(200);
    const { text } = await scrape(open);
    expect(
      seriesValue(text, 'recovery_desk_http_requests_total{method="GET",route="/api/v1/accounts/:id",status="404"}'),
    ).toBe(3);
    expect(text).not.toContain("acc_one");
    expect(seriesValue(text, 'recovery_desk_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(1);
    // Refused before its route: counted as that route. No route at all: unmatched. The console's page: /*.
    expect(
      seriesValue(text, 'recovery_desk_http_requests_total{method="GET",route="/api/v1/accounts/:id",status="401"}'),
    ).toBe(1);
    expect(seriesValue(text, 'recovery_desk_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(seriesValue(text, 'recovery_desk_http_requests_total{method="GET",route="/*",status="200"}')).toBe(1);
    expect(
      seriesValue(
        text,
        'recovery_desk_http_request_duration_seconds_count{method="POST",route="/api/v1/auth/login",status="200"}',
      ),
    ).toBe(1);
  });

  it("shows the hashing queue, the outbox, the audit trail past its checkpoint, and the pool on PostgreSQL", async () => {
    const { text } = await scrape(open);
    expect(seriesValue(text, "recovery_desk_hashing_queue_waiting")).toBe(0);
    expect(seriesValue(text, "recovery_desk_hashing_threads")).toBeGreaterThanOrEqual(0);
    expect(seriesValue(text, "recovery_desk_metrics_database_up")).toBe(1);
    expect(seriesValue(text, "recovery_desk_outbox_messages")).toBeGreaterThanOrEqual(0);
    expect(seriesValue(text, "recovery_desk_audit_events_since_checkpoint")).toBeGreaterThan(0);
    expect(text).toContain("process_resident_memory_bytes");
    if (open.database.kind === "postgres") {
      expect(seriesValue(text, "recovery_desk_db_pool_size")).toBe(10);
      expect(seriesValue(text, "recovery_desk_db_pool_in_use")).toBeGreaterThanOrEqual(0);
      expect(seriesValue(text, "recovery_desk_db_pool_waiting")).toBe(0);
    }
  });
});

describe("the request log", () => {
  const requestLines = () => lines.filter((line) => line.msg === "request");

  it("writes the level as a word and the time in ISO 8601", async () => {
    await t.request("/api/v1/auth/me");
    const line = requestLines().at(-1);
    expect(line?.level).toBe("info");
    expect(line?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it("puts the problem's code on a failed request's line", async () => {
    await t.request("/api/v1/auth/me");
    expect(requestLines().at(-1)).toMatchObject({ status: 401, problem: "unauthenticated", route: "/api/v1/auth/me" });
  });

  it("logs health probes, the metrics scrape and the console's files at debug", async () => {
    lines.length = 0;
    await t.request("/healthz");
    await t.request("/readyz");
    await scrape(t, TOKEN);
    await t.request("/favicon.svg");
    expect(requestLines().map((line) => [line.path, line.level])).toEqual([
      ["/healthz", "debug"],
      ["/readyz", "debug"],
      ["/metrics", "debug"],
      ["/favicon.svg", "debug"],
    ]);
  });

  it("never writes the token of a report page's path", async () => {
    const token = "q3Zk9V0xT1b8Yw4Rm2Lp7AcV5nH8sD1fG6jK0wE3uYt";
    lines.length = 0;
    await t.request(`/report/${token}`);
    expect(requestLines().map((line) => line.path)).toEqual(["/report/:token"]);
    expect(JSON.stringify(lines)).not.toContain(token);
  });

  it("names an API key's caller as the key, and staff by their id", async () => {
    const ada = await t.signIn("ada.admin");
    const key = await createKey(t, ada, "log reader", ["login-events:write"]);
    lines.length = 0;
    await t.request("/api/v1/accounts/acc_unknown", { headers: { authorization: `Bearer ${key.key}` } });
    await t.request("/api/v1/auth/me", { cookie: ada });
    const [asKey, asStaff] = requestLines();
    expect(asKey).toMatchObject({ keyId: key.id, keyName: "log reader", problem: "forbidden" });
    expect(asKey).not.toHaveProperty("staffId");
    expect(asStaff).toMatchObject({ status: 200, staffId: expect.any(String) });
    expect(asStaff).not.toHaveProperty("keyId");
    expect(JSON.stringify(lines)).not.toContain(key.key);
  });
});
