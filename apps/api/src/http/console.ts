import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { AppEnv } from "./context.ts";

/**
 * Serves the built console at `/`: its files, and `index.html` for any other path that is not
 * the API, so deep links into the single-page app work. Hashed assets are cached for a year.
 */
export function mountConsole(app: Hono<AppEnv>, dist: string): void {
  const indexFile = join(dist, "index.html");
  if (!existsSync(indexFile)) return;
  const root = relative(process.cwd(), dist) || ".";
  app.use(
    "/assets/*",
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header("Cache-Control", "public, max-age=31536000, immutable");
      },
    }),
  );
  app.use("*", serveStatic({ root }));
  app.get("*", async (c, next) => {
    if (c.req.path.startsWith("/api/")) return next();
    return c.html(await readFile(indexFile, "utf8"), 200, { "Cache-Control": "no-cache" });
  });
}
