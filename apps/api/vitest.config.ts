import { defineProject } from "vitest/config";

/**
 * The API suite. The root config runs it twice, once per database (see the root
 * `vitest.config.ts`), by pointing `globalSetup` at the PGlite or the PostgreSQL setup.
 */
export default defineProject({
  test: {
    name: "api",
    environment: "node",
    include: ["src/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
