import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Hono } from "hono";
import { accepts } from "hono/accepts";
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

/** A file of the documentation as it is and gzipped, read and compressed once. */
type Asset = { plain: Uint8Array<ArrayBuffer>; gzipped: Uint8Array<ArrayBuffer> };

async function loadAsset(file: string): Promise<Asset> {
  const plain = await readFile(join(SWAGGER_DIST, file));
  return { plain: new Uint8Array(plain), gzipped: new Uint8Array(await promisify(gzip)(plain)) };
}

/**
 * A browsable page for the OpenAPI document at `/api/docs`, served from the installed package (no CDN).
 * Its script and style sheet (1.7 MB) are read and gzipped once, when first asked for, then sent as
 * they are or gzipped by what the client accepts.
 */
export function mountDocs(app: Hono<AppEnv>): void {
  app.get("/api/docs", (c) => c.html(PAGE));
  app.get("/api/docs/init.js", (c) => c.body(INIT, 200, { "Content-Type": "text/javascript; charset=utf-8" }));
  for (const [file, type] of Object.entries(ASSETS)) {
    let asset: Promise<Asset> | undefined;
    app.get(`/api/docs/${file}`, async (c) => {
      asset ??= loadAsset(file).catch((error: unknown) => {
        asset = undefined;
        throw error;
      });
      const { plain, gzipped } = await asset;
      const gzip = accepts(c, { header: "Accept-Encoding", supports: ["gzip"], default: "identity" }) === "gzip";
      const body = gzip ? gzipped : plain;
      return c.body(body, 200, {
        "Content-Type": type,
        "Content-Length": String(body.length),
        ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        Vary: "Accept-Encoding",
        "Cache-Control": "public, max-age=86400",
      });
    });
  }
}
