import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "@recovery-desk/test-support/server";
import type { ScenarioResult } from "./types.ts";
import type { BenchSize } from "./world.ts";

export const RESULTS_DIR = join(REPO_ROOT, "bench/results");

export interface BenchReport {
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string; postgres: string };
  runAt: string;
  size: BenchSize;
  scenarios: ScenarioResult[];
}

function describeMachine(postgresVersion: string): BenchReport["machine"] {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${readOsName()} (Linux ${release()})`,
    node: process.version,
    postgres: postgresVersion,
  };
}

function readOsName(): string {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? "Linux";
  } catch {
    return "Linux";
  }
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Writes the results as JSON and as a Markdown table: `latest.*` for the full size, `quick.*` for
 * `--quick`. A run of some scenarios only replaces their rows and keeps the others.
 */
export function writeResults(
  results: ScenarioResult[],
  options: { size: BenchSize; partial: boolean; postgresVersion: string },
): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stem = options.size.name === "full" ? "latest" : "quick";
  const jsonPath = join(RESULTS_DIR, `${stem}.json`);
  let scenarios = results;
  if (options.partial && existsSync(jsonPath)) {
    const previous = JSON.parse(readFileSync(jsonPath, "utf8")) as BenchReport;
    const rerun = new Set(results.map((r) => r.id));
    scenarios = [...previous.scenarios.filter((r) => !rerun.has(r.id)), ...results].sort(
      (a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)),
    );
  }
  const report: BenchReport = {
    machine: describeMachine(options.postgresVersion),
    runAt: new Date().toISOString(),
    size: options.size,
    scenarios,
  };
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  const mdPath = join(RESULTS_DIR, `${stem}.md`);
  writeFileSync(mdPath, markdown(report));
  return [jsonPath, mdPath].map((p) => p.slice(REPO_ROOT.length));
}

const fmt = (n: number) => (n === 0 ? "–" : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function markdown(report: BenchReport): string {
  const m = report.machine;
  const lines = [
    `# Benchmark results (${report.size.name === "full" ? "full size" : "quick size"})`,
    "",
    `Run ${report.runAt} at commit ${gitCommit()} on ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}, PostgreSQL ${m.postgres}.`,
    `Data set: ${report.size.accounts.toLocaleString("en-US")} accounts and ${report.size.events.toLocaleString("en-US")} audit events.`,
    "Latencies in milliseconds; throughput in operations a second. Each ratio is measured against its baseline in the same run.",
    "Where a target is missed, [analysis.md](analysis.md) gives the measured reason.",
    "",
    "| # | scenario | p50 | p95 | p99 | throughput | baseline (p50 / p95 / throughput) | ratio | target | pass |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |",
    ...report.scenarios.map(
      (r) =>
        `| ${r.id} | ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.throughput)} | ${r.baseline.label}: ${fmt(r.baseline.p50)} / ${fmt(r.baseline.p95)} / ${fmt(r.baseline.throughput)} | ${r.ratio} | ${r.target} | ${r.pass ? "pass" : "**miss**"} |`,
    ),
    "",
  ];
  const notes = report.scenarios.filter((r) => r.note);
  if (notes.length > 0) {
    lines.push("## Notes", "", ...notes.map((r) => `- **${r.id} ${r.name}**: ${r.note}`), "");
  }
  return lines.join("\n");
}
