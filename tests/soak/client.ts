/**
 * A small HTTP client for the soak suite: staff sessions and API keys talking to the real server,
 * and the honest way to open a verified window (a one-time code read from the demo outbox).
 */

export const DEMO_PASSWORD = "helpdesk-demo";

/** What a request came back with: an answer, or the network error when none came. */
export type Outcome =
  | { kind: "answer"; status: number; body: unknown; contentType: string; headers: Headers; ms: number }
  | { kind: "failed"; error: string; ms: number };

export interface CallOptions {
  body?: unknown;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Give up after this long and report a timeout (default 20 s): a hang is a finding, not a wait. */
  timeoutMs?: number;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (error.name === "TimeoutError") return "timeout";
  return cause?.code ?? cause?.message ?? error.message;
}

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly label: string,
    private readonly auth: { cookie?: string; bearer?: string },
  ) {}

  /** The headers that carry this client's session cookie or API key. */
  authHeaders(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.auth.cookie) headers.cookie = this.auth.cookie;
    if (this.auth.bearer) headers.authorization = `Bearer ${this.auth.bearer}`;
    return headers;
  }

  /** Sends one request and never throws: a refused or cut connection, or a timeout, is an outcome. */
  async send(method: string, path: string, options: CallOptions = {}): Promise<Outcome> {
    const headers: Record<string, string> = { ...options.headers, ...this.authHeaders() };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
    const started = performance.now();
    try {
      const res = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
      });
      const text = await res.text();
      const contentType = res.headers.get("content-type") ?? "";
      let body: unknown = text;
      if (contentType.includes("json") && text) body = JSON.parse(text);
      return {
        kind: "answer",
        status: res.status,
        body,
        contentType,
        headers: res.headers,
        ms: performance.now() - started,
      };
    } catch (error) {
      return { kind: "failed", error: describe(error), ms: performance.now() - started };
    }
  }

  /** Sends one request and expects `status`; anything else throws with what came back. */
  async call<T>(method: string, path: string, status: number | number[], options: CallOptions = {}): Promise<T> {
    const outcome = await this.send(method, path, options);
    const wanted = Array.isArray(status) ? status : [status];
    if (outcome.kind === "failed") throw new Error(`${this.label} ${method} ${path}: ${outcome.error}`);
    if (!wanted.includes(outcome.status)) {
      throw new Error(
        `${this.label} ${method} ${path}: expected ${wanted.join("/")}, got ${outcome.status} ${JSON.stringify(outcome.body)}`,
      );
    }
    return outcome.body as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>("GET", path, 200);
  }
}

/** Signs a demo staff member in; each call is a new session. */
export async function signIn(baseUrl: string, username: string, label = username): Promise<ApiClient> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`Sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.startsWith("rd_session="));
  if (!cookie) throw new Error(`Sign-in of ${username} set no session cookie`);
  return new ApiClient(baseUrl, label, { cookie });
}

/** An admin creates an API key with these scopes; the client uses it. */
export async function apiKeyClient(admin: ApiClient, name: string, scopes: string[]): Promise<ApiClient> {
  const created = await admin.call<{ key: string }>("POST", "/api/v1/api-keys", 201, { body: { name, scopes } });
  return new ApiClient(admin.baseUrl, name, { bearer: created.key });
}

export interface AccountSummary {
  id: string;
  username: string;
  displayName: string;
  status: string;
  zip5: string | null;
  phoneMasked: string | null;
}

export interface AccountDetail extends AccountSummary {
  channels: {
    email: { masked: string | null; verified: boolean };
    phone: { masked: string | null; verified: boolean };
  };
  lock: { kind: "temporary" | "hard" } | null;
}

interface OutboxPage {
  items: { accountId: string | null; subject: string | null; body: string; createdAt: string }[];
}

/**
 * Opens a verified window for `agent` on the account the way a caller would: a one-time code to the
 * account's verified email (or phone), read back from the demo outbox, typed in by the agent. With
 * `codes` 2 (what a temporary password needs), a code on each channel; both must be verified.
 */
export async function verifyCaller(
  agent: ApiClient,
  accountId: string,
  caseRef: string,
  codes: 1 | 2 = 1,
): Promise<{ detail: AccountDetail; channel: "email" | "sms" }> {
  const detail = await agent.get<AccountDetail>(`/api/v1/accounts/${accountId}`);
  const { email, phone } = detail.channels;
  const methods = (
    [email.verified ? "otp_email" : null, phone.verified ? "otp_sms" : null].filter(Boolean) as (
      | "otp_email"
      | "otp_sms"
    )[]
  ).slice(0, codes);
  if (methods.length < codes) {
    throw new NoVerifiedChannel(`The account ${detail.username} has no verified channel for ${codes} code(s)`);
  }
  for (const method of methods) {
    const started = await agent.call<{ id: string }>("POST", `/api/v1/accounts/${accountId}/verifications`, 201, {
      body: { method, caseRef },
    });
    const outbox = await agent.get<OutboxPage>("/api/v1/dev/outbox?limit=200");
    const message = outbox.items.find((m) => m.accountId === accountId && m.subject === "Your verification code");
    const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
    if (!code) throw new Error(`No code in the outbox for ${detail.username}`);
    await agent.call("POST", `/api/v1/verifications/${started.id}/code`, 200, { body: { code } });
  }
  return { detail, channel: methods[0] === "otp_email" ? "email" : "sms" };
}

export class NoVerifiedChannel extends Error {}

/** Runs `work` over `items` with at most `limit` at a time. */
export async function inBatches<T, R>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T, index);
      }
    }),
  );
  return results;
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${Math.round(timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
