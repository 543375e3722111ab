import { readFileSync } from "node:fs";
import type { Problem } from "@recovery-desk/shared";
import type { ClientResponse } from "hono/client";
import { hc } from "hono/client";
import type { Logger } from "pino";
import postgres from "postgres";
import { expect, inject } from "vitest";
import { type ApiType, createApp } from "../app.ts";
import { type Database, openPglite, openPostgres } from "../db/client.ts";
import { DEMO_STAFF_PASSWORD } from "../demo/personas.ts";
import { type AppConfig, type AppDeps, DEFAULT_CONFIG } from "../deps.ts";
import { ManualClock } from "../lib/clock.ts";
import { createLogger, silentLogger } from "../lib/logger.ts";
import type { Notifier } from "../notify/notifier.ts";
import { outboxNotifier } from "../notify/outbox.ts";
import { TEST_NOW } from "./world.ts";

export interface TestContext {
  app: ReturnType<typeof createApp>;
  database: Database;
  clock: ManualClock;
  deps: AppDeps;
  /** Sends a request to the app in-process; JSON bodies are encoded and typed headers added. */
  request(path: string, init?: RequestOptions): Promise<Response>;
  /**
   * A client typed from the API's route definitions, sending in-process as `caller` (a session
   * cookie, or `{ key }` for an API key): a contract change breaks the tests that use it at compile time.
   */
  api(caller?: Caller): ApiClient;
  /** Signs a demo staff member in and returns the cookie to send. */
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Who a typed call is from: a session cookie, or an API key sent as a bearer token. */
export type Caller = string | { cookie?: string; key?: string; headers?: Record<string, string> };

export type ApiClient = ReturnType<typeof hc<ApiType>>;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
}

let cloneCounter = 0;

/** A fresh copy of the test world for one test file, on the database this project runs against. */
export async function openTestDatabase(): Promise<Database> {
  const source = inject("testDatabase");
  if (source.kind === "pglite") {
    return openPglite({ loadDataDir: new Blob([readFileSync(source.dumpPath)]) });
  }
  const name = `t_${process.pid}_${Date.now()}_${cloneCounter++}`;
  const admin = postgres(source.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${source.template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(source.adminUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres({ url: url.toString(), max: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = postgres(source.adminUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}

export async function createTestContext(
  config: Partial<AppConfig> = {},
  options: { notifier?: Notifier; logger?: Logger; oneTimeCode?: () => string } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  const clock = new ManualClock(TEST_NOW);
  const deps: AppDeps = {
    database,
    clock,
    logger: options.logger ?? (process.env.TEST_LOG ? createLogger("debug") : silentLogger),
    config: { ...DEFAULT_CONFIG, ...config },
    notifier: options.notifier ?? outboxNotifier(database.db, clock),
    oneTimeCode: options.oneTimeCode,
  };
  const app = createApp(deps);

  const request = (path: string, init: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers["content-type"] ??= "application/json";
    }
    return Promise.resolve(app.request(path, { method: init.method ?? (body ? "POST" : "GET"), headers, body }));
  };

  const signIn = async (username: string, password = DEMO_STAFF_PASSWORD) => {
    const res = await request("/api/v1/auth/login", { body: { username, password } });
    if (res.status !== 200) throw new Error(`Sign-in of ${username} answered ${res.status}: ${await res.text()}`);
    return sessionCookieOf(res);
  };

  const api = (caller: Caller = {}) => apiClient(app, caller);

  return { app, database, clock, deps, request, api, signIn, close: () => database.close() };
}

/** A client typed from the API's routes that sends to `app` in-process, as `caller`. */
export function apiClient(app: ReturnType<typeof createApp>, caller: Caller = {}): ApiClient {
  const { cookie, key, headers = {} } = typeof caller === "string" ? { cookie: caller } : caller;
  return hc<ApiType>("http://localhost/api/v1", {
    fetch: (input: string | URL | Request, requestInit?: RequestInit) =>
      Promise.resolve(app.request(input, requestInit)),
    headers: {
      ...headers,
      ...(cookie ? { cookie } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
  });
}

type AnyClientResponse = ClientResponse<unknown, number, "json">;
/** The body a typed answer has at one status. */
type BodyAt<R extends AnyClientResponse, S extends number> =
  R extends ClientResponse<infer T, infer U, "json"> ? (U extends S ? T : never) : never;

/**
 * The body of a typed answer after checking its status, typed as the route declares it for that
 * status. A wrong status fails the test with the body, which says why.
 */
export async function answerOf<R extends AnyClientResponse, S extends R["status"]>(
  res: R,
  status: S,
): Promise<BodyAt<R, S>> {
  if (res.status !== status) expect(`${res.status} ${await res.clone().text()}`).toBe(String(status));
  return (await res.json()) as BodyAt<R, S>;
}

/** The problem+json body of an answer after checking its status, for statuses a route does not declare itself. */
export async function problemOf(res: Response | AnyClientResponse, status: number): Promise<Problem> {
  if (res.status !== status) expect(`${res.status} ${await res.clone().text()}`).toBe(String(status));
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  return (await res.json()) as Problem;
}

/** A fresh test world with one demo staff member signed in, for a file's `beforeAll`. */
export async function signedInContext(username: string): Promise<{ t: TestContext; cookie: string }> {
  const t = await createTestContext();
  return { t, cookie: await t.signIn(username) };
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const match = /rd_session=([^;]*)/.exec(header);
  if (!match) throw new Error(`No session cookie in: ${header}`);
  return `rd_session=${match[1]}`;
}
