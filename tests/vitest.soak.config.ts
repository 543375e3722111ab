import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * `pnpm test:soak`: fault and load proof on a real PostgreSQL — the API killed mid-write and
 * restarted, PostgreSQL restarted under load, idempotent retries across both, and a bounded load
 * run. Not part of `pnpm test`; each file starts its own cluster and server, one file at a time.
 */
export default defineConfig({
  test: {
    name: "soak",
    root: fileURLToPath(new URL(".", import.meta.url)),
    environment: "node",
    include: ["soak/**/*.test.ts"],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
