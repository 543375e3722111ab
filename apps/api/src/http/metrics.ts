import { createHash, timingSafeEqual } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import type { Context, Hono } from "hono";
import { matchedRoutes } from "hono/route";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { queryRows } from "../db/rows.ts";
import type { AppDeps } from "../deps.ts";
import { hashingQueue } from "../security/hashing.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";
import { problemResponse } from "./on-error.ts";

/** What the request log tells the metrics about each answer. */
export interface RequestMetrics {
  observe(method: string, route: string, status: number, seconds: number): void;
}

/**
 * The pattern of the route that answered (`/api/v1/accounts/:id`), never the path as sent, so one
 * series stands for one route whatever ids and names are asked for. When a middleware answered
 * instead (a refused sign-in, a rate limit), the route it stood in front of; `/*` for the console's
 * page; `unmatched` when no route would have answered (a not-found, or a file of the console).
 */
export function routeOf(c: Context<AppEnv>): string {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  if (answered && answered.method !== "ALL") return answered.path;
  const meant = routes.slice(c.req.routeIndex + 1).find((route) => route.method !== "ALL" && route.path !== "/*");
  return meant?.path ?? "unmatched";
}

/** The first row of a statement, or undefined when the database does not answer. */
async function firstRow<T extends Record<string, unknown>>(deps: AppDeps, query: SQL) {
  try {
    return (await queryRows<T>(deps.database.db, query))[0];
  } catch {
    return undefined;
  }
}

/**
 * The app's metrics, in a registry of its own (each app built by the tests has one): requests by
 * route pattern, method and status with their latency; the database pool; the hashing queue; the
 * messages held in the outbox; the webhook deliveries and notices waiting; how far the audit trail has run past
 * its last checkpoint; and the process's own figures (memory, CPU, event loop delay).
 */
export function createMetrics(deps: AppDeps): RequestMetrics & { registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const requests = new Counter({
    name: "recovery_desk_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status.",
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "recovery_desk_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status.",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const pool = (name: string, help: string, read: (use: { size: number; inUse: number; waiting: number }) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const use = deps.database.pool?.();
        if (use) this.set(read(use));
      },
    });
  pool("recovery_desk_db_pool_size", "Connections the PostgreSQL pool may open (DB_POOL_MAX).", (use) => use.size);
  pool("recovery_desk_db_pool_in_use", "Pool connections running a statement or a transaction.", (use) => use.inUse);
  pool("recovery_desk_db_pool_waiting", "Statements waiting for a free pool connection.", (use) => use.waiting);

  new Gauge({
    name: "recovery_desk_hashing_queue_waiting",
    help: "Password and answer hashes waiting for a hashing thread.",
    registers: [registry],
    collect() {
      this.set(hashingQueue().waiting);
    },
  });
  new Gauge({
    name: "recovery_desk_hashing_threads",
    help: "Hashing threads running (they end after a minute without work).",
    registers: [registry],
    collect() {
      this.set(hashingQueue().threads);
    },
  });

  type Figures = {
    outbox: number | string;
    webhooks_pending: number | string;
    webhooks_oldest: Date | string | null;
    notices_pending: number | string;
    notices_oldest: Date | string | null;
    oldest: Date | string | null;
    head: number | string | null;
    checkpoint_seq: number | string | null;
    checkpoint_at: Date | string | null;
  };
  // One round trip for every figure the database holds, shared by the gauges of one scrape.
  let read: { at: number; figures: Promise<Figures | undefined> } | undefined;
  const figures = () => {
    if (!read || Date.now() - read.at > 1000) {
      read = {
        at: Date.now(),
        figures: firstRow<Figures>(
          deps,
          sql`select
            (select count(*) from outbox) as outbox,
            (select min(created_at) from outbox) as oldest,
            (select count(*) from webhook_deliveries where status = 'pending') as webhooks_pending,
            (select min(created_at) from webhook_deliveries where status = 'pending') as webhooks_oldest,
            (select count(*) from notices where status = 'pending') as notices_pending,
            (select min(created_at) from notices where status = 'pending') as notices_oldest,
            (select max(seq) from audit_events) as head,
            c.head_seq as checkpoint_seq,
            c.checked_at as checkpoint_at
          from (select 1) one
          left join lateral (
            select head_seq, checked_at from audit_checks where checkpoint order by n desc limit 1
          ) c on true`,
        ),
      };
    }
    return read.figures;
  };
  const secondsAgo = (at: Date | string) => Math.max(0, (deps.clock.now().getTime() - new Date(at).getTime()) / 1000);
  const fromDatabase = (name: string, help: string, value: (row: Figures) => number | null) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const row = await figures();
        const current = row ? value(row) : null;
        if (current === null) this.reset();
        else this.set(current);
      },
    });
  fromDatabase(
    "recovery_desk_outbox_messages",
    "Customer messages held in the outbox table instead of being sent.",
    (row) => Number(row.outbox),
  );
  fromDatabase(
    "recovery_desk_outbox_oldest_seconds",
    "Age of the oldest message held in the outbox table (0 when it is empty).",
    (row) => (row.oldest ? secondsAgo(row.oldest) : 0),
  );
  fromDatabase("recovery_desk_webhook_deliveries_pending", "Webhook deliveries waiting to be sent or retried.", (row) =>
    Number(row.webhooks_pending),
  );
  fromDatabase(
    "recovery_desk_webhook_oldest_pending_seconds",
    "Age of the oldest webhook delivery still waiting (0 when none is).",
    (row) => (row.webhooks_oldest ? secondsAgo(row.webhooks_oldest) : 0),
  );
  fromDatabase("recovery_desk_notices_pending", "Notices to account owners waiting to be sent or retried.", (row) =>
    Number(row.notices_pending),
  );
  fromDatabase(
    "recovery_desk_notice_oldest_pending_seconds",
    "Age of the oldest notice to an account owner still waiting (0 when none is).",
    (row) => (row.notices_oldest ? secondsAgo(row.notices_oldest) : 0),
  );
  fromDatabase(
    "recovery_desk_audit_events_since_checkpoint",
    "Audit events appended after the last checkpoint (a check that found the trail intact).",
    (row) => Number(row.head ?? 0) - Number(row.checkpoint_seq ?? 0),
  );
  fromDatabase(
    "recovery_desk_audit_checkpoint_age_seconds",
    "Time since the last checkpoint was made; absent before the first one.",
    (row) => (row.checkpoint_at ? secondsAgo(row.checkpoint_at) : null),
  );
  new Gauge({
    name: "recovery_desk_metrics_database_up",
    help: "1 when this scrape could read its figures from the database, 0 when it could not (they are then absent).",
    registers: [registry],
    async collect() {
      this.set((await figures()) ? 1 : 0);
    },
  });

  return {
    registry,
    observe(method, route, status, seconds) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
  };
}

/** Equal in constant time, whatever the lengths: compares the texts' SHA-256 digests. */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * `GET /metrics` in Prometheus' text format, outside the versioned API and its sign-in. With a
 * token, only a scraper that sends `Authorization: Bearer <token>` gets an answer. Without one it
 * is open in demo mode only; a real install without `METRICS_TOKEN` serves no metrics at all.
 */
export function mountMetrics(
  app: Hono<AppEnv>,
  metrics: { registry: Registry },
  access: { token: string | null; demo: boolean },
): void {
  const { token, demo } = access;
  app.get("/metrics", async (c) => {
    if (!token && !demo) {
      return problemResponse(c, new ApiError("not_found", "Metrics are off: set METRICS_TOKEN to serve them."));
    }
    if (token) {
      const sent = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
      if (!sameSecret(sent, token)) {
        c.header("WWW-Authenticate", 'Bearer realm="metrics"');
        return problemResponse(c, new ApiError("unauthenticated", "Send the metrics token as `Bearer <token>`."));
      }
    }
    return c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType });
  });
}
