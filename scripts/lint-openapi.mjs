#!/usr/bin/env node
// Lints the OpenAPI document as the API serves it: builds the app (apps/api/src/cli/openapi.ts),
// writes `/api/openapi.json` to a temporary file and runs Redocly on it with redocly.yaml.
// Any problem fails, a warning as much as an error.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const redocly = join(root, "node_modules", ".bin", "redocly");
const dir = mkdtempSync(join(tmpdir(), "rd-openapi-"));
const file = join(dir, "openapi.json");

/** Runs Redocly on the written document; `format` is one of its output formats. */
function lint(format, stdout) {
  return spawnSync(
    redocly,
    ["lint", file, "--config", join(root, "redocly.yaml"), "--lint-config", "error", `--format=${format}`],
    { cwd: root, encoding: "utf8", stdio: ["ignore", stdout, "inherit"] },
  );
}

try {
  execFileSync("pnpm", ["--filter", "@recovery-desk/api", "exec", "tsx", "src/cli/openapi.ts", file], {
    cwd: root,
    stdio: "inherit",
  });
  const run = lint("json", "pipe");
  let problems;
  try {
    problems = JSON.parse(run.stdout).problems;
  } catch {
    process.stderr.write(`redocly lint did not answer a report (exit ${run.status}):\n${run.stdout}\n`);
    process.exit(1);
  }
  if (run.status !== 0 || problems.length > 0) {
    lint("codeframe", "inherit");
    process.stderr.write(`\nThe OpenAPI document has ${problems.length} problem(s); it must have none.\n`);
    process.exit(1);
  }
  process.stdout.write("The OpenAPI document has no lint problems.\n");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
