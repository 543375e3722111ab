import { defineConfig } from "vitest/config";

/** Every workspace's own vitest config is a project; `pnpm test` runs them all. */
export default defineConfig({
  test: {
    projects: ["packages/*/vitest.config.ts", "apps/*/vitest.config.ts", "tests/vitest.config.ts"],
  },
});
