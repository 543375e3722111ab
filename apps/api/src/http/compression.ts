import { compress } from "hono/compress";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.ts";

const gzipReads = compress({
  encoding: "gzip",
  contentTypeFilter: /^(application\/(problem\+)?json|text\/javascript|text\/css)\b/,
});

/**
 * JSON answers to reads of 1 KB or more are gzipped for a client that accepts it (a page of search
 * results 18 → 4 KB, of audit events 56 → 9 KB). The audit export (CSV, NDJSON) streams as it is,
 * and answers to changes are never compressed: some carry a secret shown once (a new API key, an
 * initial password), which compression next to text the caller chose could let a watcher of the
 * connection guess from the answer's length. The documentation's script and style sheet are gzipped
 * too (1.7 MB → 0.46 MB).
 */
export const compressReads = createMiddleware<AppEnv>((c, next) =>
  c.req.method === "GET" ? gzipReads(c, next) : next(),
);
