import type { Context, Next } from "hono";
import { compress } from "hono/compress";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.ts";

/** Smaller answers are sent as they are: gzip would save a few bytes and cost more than that in time. */
const THRESHOLD_BYTES = 1024;
const COMPRESSIBLE = /^application\/(problem\+)?json\b/;

const gzipReads = compress({ encoding: "gzip", threshold: THRESHOLD_BYTES, contentTypeFilter: COMPRESSIBLE });

/**
 * A JSON answer is built whole in memory but carries no Content-Length, and gzip only skips small
 * answers whose length it knows: this gives it one.
 */
async function measureJson(c: Context<AppEnv>, next: Next): Promise<void> {
  await next();
  const res = c.res;
  if (!res.body || res.headers.has("Content-Length") || res.headers.has("Content-Encoding")) return;
  if (!COMPRESSIBLE.test(res.headers.get("Content-Type") ?? "")) return;
  const body = new Uint8Array(await res.arrayBuffer());
  c.res = new Response(body, res);
  c.res.headers.set("Content-Length", String(body.length));
}

/**
 * JSON answers to reads of 1 KB or more are gzipped for a client that accepts it (a page of search
 * results 18 → 4 KB, of audit events 56 → 9 KB). The audit export (CSV, NDJSON) streams as it is,
 * and answers to changes are never compressed: some carry a secret shown once (a new API key, an
 * initial password), which compression next to text the caller chose could let a watcher of the
 * connection guess from the answer's length. The documentation's script and style sheet are
 * gzipped once, when first asked for (apps/api/src/http/docs.ts).
 */
export const compressReads = createMiddleware<AppEnv>((c, next) =>
  c.req.method === "GET" ? gzipReads(c, () => measureJson(c, next)) : next(),
);
