import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./context.ts";

const require = createRequire(import.meta.url);
const SWAGGER_DIST = join(require.resolve("swagger-ui-dist/package.json"), "..");
const ASSETS = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
} as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Recovery Desk API</title>
  <link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
  <div id="docs"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

// No validator badge: it would send the document's address to swagger.io and load an image from there.
const INIT = `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true, validatorUrl: null });`;

/** A browsable page for the OpenAPI document at `/api/docs`, served from the installed package (no CDN). */
export function mountDocs(app: Hono<AppEnv>): void {
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/init.js", (c) => c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`/api/docs/${file}`, async (c) =>
      c.body(await readFile(join(SWAGGER_DIST, file)), 200, {
        "Content-Type": type,
        "Cache-Control": "public, max-age=86400",
      }),
    );
  }
}
