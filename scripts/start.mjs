#!/usr/bin/env node
// `pnpm start`: builds the console when its build is missing or older than its sources, then runs
// the API, which serves the console at / and the API under /api on one port (PORT, default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const built = join(root, "apps/console/dist/index.html");
const sources = [
  "apps/console/src",
  "apps/console/build",
  "apps/console/index.html",
  "apps/console/vite.config.ts",
  "packages/shared/src",
];

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

const stale =
  !existsSync(built) ||
  sources.some(
    (source) => existsSync(join(root, source)) && newestChange(join(root, source)) > statSync(built).mtimeMs,
  );
if (stale) {
  process.stdout.write("Building the console…\n");
  const build = spawnSync("pnpm", ["--filter", "@recovery-desk/console", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const api = spawn("pnpm", ["--filter", "@recovery-desk/api", "start"], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => api.kill(signal));
api.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
