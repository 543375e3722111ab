import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
// By path: Node loads this file's imports of packages as they are, and cannot run the shared package's TypeScript.
import { CSP_NONCE_PLACEHOLDER } from "../../packages/shared/src/contract/browser.ts";
import { apiTarget, consolePort } from "./build/dev-server.ts";
import { precompress } from "./build/precompress.ts";

/**
 * The shared package's modules only define schemas, words and functions. Telling the bundler so lets
 * it drop what the console never uses (the address tables, the API's own schemas) instead of keeping
 * every module the package index mentions.
 */
const SHARED_SOURCE = /[\\/]packages[\\/]shared[\\/]src[\\/]/;

/** Routes whose data loading is not split off with their page (see splitBehavior below). */
const LOADERS_UP_FRONT = new Set(["/_authenticated/accounts/$accountId", "/_authenticated/outbox"]);

function devServer() {
  const api = apiTarget(process.env);
  return {
    ...consolePort(process.env),
    proxy: {
      "/api": { target: api, changeOrigin: false },
      "/healthz": { target: api, changeOrigin: false },
      "/readyz": { target: api, changeOrigin: false },
    },
  };
}

export default defineConfig(({ command, mode }) => {
  // A production build stays one when a test runner that sets NODE_ENV=test starts it: otherwise
  // React's development build and JSX runtime end up in dist.
  if (command === "build" && mode === "production") process.env.NODE_ENV = "production";

  return {
    plugins: [
      tanstackRouter({
        target: "react",
        // Each page's code, data loading included, is fetched when the page is first visited, so the
        // sign-in page and account search do not carry the audit trail, merges or administration.
        autoCodeSplitting: true,
        codeSplittingOptions: {
          defaultBehavior: [["loader", "component", "pendingComponent"], ["errorComponent"], ["notFoundComponent"]],
          // These pages' loaders only use what account search loads anyway: they stay with the route, so
          // their data is asked for while the page's code is still on its way.
          splitBehavior: ({ routeId }) =>
            LOADERS_UP_FRONT.has(routeId)
              ? [["component", "pendingComponent"], ["errorComponent"], ["notFoundComponent"]]
              : undefined,
        },
        quoteStyle: "double",
      }),
      react(),
      precompress(),
    ],
    ...(command === "build" ? { html: { cspNonce: CSP_NONCE_PLACEHOLDER } } : {}),
    // In development the API runs beside the console (see scripts/dev.mjs); everything under /api goes to it.
    ...(command === "serve" ? { server: devServer() } : {}),
    build: {
      outDir: "dist",
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // Everything the entry loads up front goes in one file: one request, and gzip compresses one
          // file better than a dozen small ones. Pages still get their own files.
          codeSplitting: { groups: [{ name: "index", tags: ["$initial"] }] },
        },
        treeshake: {
          moduleSideEffects: (id: string) => (SHARED_SOURCE.test(id) ? false : undefined),
        },
      },
    },
  };
});
