import react from "@vitejs/plugin-react";
import { defineProject } from "vitest/config";

export default defineProject({
  plugins: [react()],
  test: {
    name: "console",
    environment: "jsdom",
    // jsdom's page lives on the same origin the API client talks to, so msw sees absolute URLs.
    environmentOptions: { jsdom: { url: "http://localhost:3000" } },
    // Dates are shown in the agent's own time zone; tests read them as a call center in Illinois would.
    env: { TZ: "America/Chicago" },
    include: ["src/**/*.test.tsx", "src/**/*.test.ts", "build/**/*.test.ts"],
    setupFiles: ["./src/test/setup.ts"],
    // Most tests drive the whole console through a call (search, verify, act); on a busy two-core
    // machine such a journey can take longer than vitest's default 5 seconds.
    testTimeout: 15_000,
    // Keep the design tokens' text, so the contrast test can read the real colours.
    css: { include: [/tokens\.css/] },
  },
});
