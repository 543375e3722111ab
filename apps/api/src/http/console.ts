import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { CSP_NONCE_PLACEHOLDER } from "@recovery-desk/shared";
import type { Hono } from "hono";
import type { AppEnv } from "./context.ts";

/** The Brotli and gzip copies the build writes beside each file; they are sent only in its place. */
const COMPRESSED_COPY = /\.(br|gz)$/;

const PAGE_PATHS = new Set(["/", "/index.html"]);

/**
 * Serves the built console at `/`: its files, and `index.html` for any other path that is not
 * the API, so deep links into the single-page app work. Files are sent as the build's Brotli or
 * gzip copy when the browser accepts one; hashed assets are cached for a year. The page is read
 * for every answer, gets that answer's Content-Security-Policy nonce and is never kept (`no-store`).
 */
export function mountConsole(app: Hono<AppEnv>, dist: string): void {
  const indexFile = join(dist, "index.html");
  if (!existsSync(indexFile)) return;
  const root = relative(process.cwd(), dist) || ".";
  const files = serveStatic({ root, precompressed: true });
  const notServed = async () => {};

  app.use("/assets/*", async (c) => {
    const res = COMPRESSED_COPY.test(c.req.path) ? undefined : await files(c, notServed);
    if (!res) return c.notFound();
    res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
    if (!res.headers.has("Vary")) res.headers.set("Vary", "Accept-Encoding");
    return res;
  });
  app.use("*", async (c, next) => {
    if (PAGE_PATHS.has(c.req.path) || COMPRESSED_COPY.test(c.req.path) || c.req.path.startsWith("/api/")) {
      return next();
    }
    const res = await files(c, notServed);
    if (!res) return next();
    if (!res.headers.has("Vary")) res.headers.set("Vary", "Accept-Encoding");
    res.headers.set("Cache-Control", "no-cache");
    return res;
  });
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    const page = await readFile(indexFile, "utf8");
    // The page carries this answer's own nonce: a kept copy would carry a nonce that is no longer secret.
    return c.html(page.replaceAll(CSP_NONCE_PLACEHOLDER, c.get("secureHeadersNonce") ?? ""), 200, {
      "Cache-Control": "no-store",
    });
  });
}
