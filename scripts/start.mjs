#!/usr/bin/env node
// `pnpm start`: builds what is missing or older than its sources — the console (apps/console/dist) and
// the API (apps/api/dist) — then runs the built API with plain `node`. It serves the console at / and
// the API under /api on one port (PORT, default 3000). A second start with nothing changed builds nothing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const builds = [
  {
    what: "the console",
    output: "apps/console/dist/index.html",
    sources: [
      "apps/console/src",
      "apps/console/build",
      "apps/console/index.html",
      "apps/console/vite.config.ts",
      "apps/console/package.json",
      "packages/shared/src",
    ],
    command: ["pnpm", ["--filter", "@recovery-desk/console", "build"]],
  },
  {
    what: "the API",
    output: "apps/api/dist/server.js",
    sources: ["apps/api/src", "apps/api/build.mjs", "apps/api/package.json", "packages/shared/src"],
    command: [process.execPath, ["apps/api/build.mjs"]],
  },
];

/** The newest change under `path`; test files do not go into a build and are not counted. */
function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

for (const { what, output, sources, command } of builds) {
  const built = join(root, output);
  const stale =
    !existsSync(built) ||
    sources.some(
      (source) => existsSync(join(root, source)) && newestChange(join(root, source)) > statSync(built).mtimeMs,
    );
  if (!stale) continue;
  process.stdout.write(`Building ${what}…\n`);
  const build = spawnSync(command[0], command[1], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const api = spawn(process.execPath, ["--enable-source-maps", "dist/server.js"], {
  cwd: join(root, "apps/api"),
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => api.kill(signal));
api.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
