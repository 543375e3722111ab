import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The minimal page benchmark B9 measures the console against: React, React DOM and TanStack Router
 * with Vite's production defaults. The benchmark passes the root and the output folder.
 */
export default defineConfig({
  plugins: [react()],
  logLevel: "warn",
});
