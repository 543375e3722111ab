import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { summarize } from "./stats.ts";
import type { Measurement } from "./types.ts";

export interface LoadStep {
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface LoadPlan {
  baseUrl: string;
  connections: number;
  /** Seconds to run; ignored when `amount` is set. */
  seconds: number;
  /** Stop after this many requests. */
  amount?: number;
  /** Requests a second over all connections, for a steady background load. */
  rate?: number;
  headers?: Record<string, string>;
  /** Sent in turn, round-robin over all connections. */
  requests: LoadStep[];
}

export interface LoadOutcome {
  latencies: number[];
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

const WORKER = fileURLToPath(new URL("./load-worker.ts", import.meta.url));

/** Runs a load plan in a separate autocannon process and returns what it saw. */
export function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER], { stdio: ["pipe", "pipe", "inherit"] });
    child.stdin.end(JSON.stringify(plan));
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      const lastLine = out.trim().split("\n").at(-1) ?? "";
      try {
        const parsed = JSON.parse(lastLine) as LoadOutcome & { error?: string };
        if (code !== 0 || parsed.error) reject(new Error(`The load run failed: ${parsed.error ?? code}`));
        else resolve(parsed);
      } catch {
        reject(new Error(`The load run printed no result (exit ${code}): ${out.slice(-500)}`));
      }
    });
  });
}

/** Runs the plan and turns the outcome into a measurement; statuses other than `expect` count as errors. */
export async function measureLoad(
  label: string,
  plan: LoadPlan,
  expect: (status: number) => boolean,
): Promise<Measurement> {
  const outcome = await runLoad(plan);
  const unexpected = Object.entries(outcome.statuses)
    .filter(([status]) => !expect(Number(status)))
    .reduce((n, [, count]) => n + count, 0);
  return summarize(label, outcome.latencies, outcome.seconds, {
    requests: outcome.latencies.length,
    unexpectedStatuses: unexpected,
    errors: outcome.errors + outcome.timeouts,
    statuses: JSON.stringify(outcome.statuses),
  });
}
