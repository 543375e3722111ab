#!/usr/bin/env node
// `pnpm dev`: the API with reload on change (on PORT, default 3000) and the console's Vite dev server
// with hot reload (on CONSOLE_PORT, default 5173 or the next free port), which passes /api through to
// the API on PORT (apps/console/build/dev-server.ts). Open the address the dev server prints.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const children = [
  spawn("pnpm", ["--filter", "@recovery-desk/api", "dev"], { cwd: root, stdio: "inherit" }),
  spawn("pnpm", ["--filter", "@recovery-desk/console", "dev"], { cwd: root, stdio: "inherit" }),
];
const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
for (const child of children)
  child.on("exit", (code) => {
    stop("SIGTERM");
    process.exitCode = code ?? 0;
  });
