/**
 * Writes the OpenAPI document, as `GET /api/openapi.json` serves it, to a file (or standard output):
 *   tsx src/cli/openapi.ts [out.json]
 * The app is built on an empty in-memory database; the document is made from the route
 * definitions alone, so no data is read.
 */
import { writeFileSync } from "node:fs";
import { createApp } from "../app.ts";
import { openPglite } from "../db/client.ts";
import { DEFAULT_CONFIG } from "../deps.ts";
import { systemClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";

const out = process.argv[2];
const database = await openPglite();
try {
  const app = createApp({
    database,
    clock: systemClock,
    logger: silentLogger,
    config: DEFAULT_CONFIG,
    notifier: { send: async () => {} },
  });
  const res = await app.request("/api/openapi.json");
  if (res.status !== 200) throw new Error(`The OpenAPI document answered ${res.status}`);
  const text = `${JSON.stringify(await res.json(), null, 2)}\n`;
  if (out) writeFileSync(out, text);
  else process.stdout.write(text);
} finally {
  await database.close();
}
