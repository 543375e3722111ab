#!/usr/bin/env node
// Fails when an installed package's `engines.node` does not accept the oldest Node.js the project
// supports (the lowest version the root package.json's `engines.node` allows, e.g. ">=20.19" → 20.19.0).
// pnpm itself judges each installed package against that version: `pnpm audit engines` with
// `node-version` set to the minimum, so the check does not depend on which Node runs it.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const range = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines?.node ?? "";
const match = /^\s*>=\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range);
if (!match) {
  process.stderr.write(`root package.json engines.node should be ">=MAJOR.MINOR", found ${JSON.stringify(range)}\n`);
  process.exit(2);
}
const minimum = [match[1], match[2] ?? "0", match[3] ?? "0"].join(".");

let out;
try {
  out = execFileSync("pnpm", [`--config.node-version=${minimum}`, "audit", "engines", "--json"], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
} catch (error) {
  // `pnpm audit engines` exits 1 when it finds incompatible packages; its report is still on stdout.
  out = error.stdout ?? "";
  if (!out.trim().startsWith("[")) throw error;
}
const report = JSON.parse(out);
if (!Array.isArray(report)) throw new Error(`pnpm audit engines --json gave ${out.slice(0, 200)}`);
if (report.length === 0) {
  process.stdout.write(`engines: every installed package accepts Node.js ${minimum} (root engines.node ${range})\n`);
  process.exit(0);
}
const lines = [
  `engines: ${report.length} installed package(s) do not accept Node.js ${minimum} (root engines.node ${range}):`,
];
for (const p of report) {
  const wanted = p.wanted?.node ?? JSON.stringify(p.wanted);
  lines.push(`  ${p.name}@${p.version} wants Node.js ${wanted}, via ${(p.via ?? []).join(" > ") || "the workspace"}`);
}
lines.push("Pin an older release in pnpm-workspace.yaml `overrides` (npm view <pkg>@<version> engines),");
lines.push("or raise the minimum in the README and in the root package.json engines.node.");
process.stderr.write(`${lines.join("\n")}\n`);
process.exit(1);
