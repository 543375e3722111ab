import { defineConfig } from "vitest/config";

/**
 * `pnpm test` runs every project: the shared package, the console, and the API suite twice —
 * on embedded PGlite and on a real PostgreSQL that its setup starts from the machine's binaries —
 * and the end-to-end journeys in headless Chromium.
 */
export default defineConfig({
  test: {
    // CI also writes a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ["default", ["json", { outputFile: ".tmp/vitest-report.json" }]] : ["default"],
    projects: [
      "packages/*/vitest.config.ts",
      "apps/console/vitest.config.ts",
      {
        extends: "./apps/api/vitest.config.ts",
        root: "./apps/api",
        test: { name: "api (pglite)", globalSetup: ["./src/test/setup-pglite.ts"] },
      },
      {
        extends: "./apps/api/vitest.config.ts",
        root: "./apps/api",
        test: { name: "api (postgres)", globalSetup: ["./src/test/setup-postgres.ts"] },
      },
      "tests/vitest.config.ts",
    ],
  },
});
