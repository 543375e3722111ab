import { defineProject } from "vitest/config";

/** End-to-end journeys: the built console served by the real API, driven in headless Chromium. */
export default defineProject({
  test: {
    name: "e2e",
    environment: "node",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["./e2e/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
