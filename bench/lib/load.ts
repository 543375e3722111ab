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

/** A load process that has started and loaded its code, waiting for `go`. */
export interface ReadyLoad {
  /** Starts the load and resolves with what it saw. */
  go(): Promise<LoadOutcome>;
}

/**
 * Starts a separate autocannon process for the plan and resolves once it is ready to send, so
 * that starting it (loading its code takes about a second of CPU) is not part of any measurement.
 */
export function prepareLoad(plan: LoadPlan): Promise<ReadyLoad> {
  return new Promise((resolveReady, rejectReady) => {
    const child = spawn(process.execPath, ["--import", "tsx", WORKER], { stdio: ["pipe", "pipe", "inherit"] });
    child.stdin.write(`${JSON.stringify(plan)}\n`);
    let out = "";
    let ready = false;
    let settle: { resolve: (o: LoadOutcome) => void; reject: (e: Error) => void } | undefined;
    const outcome = new Promise<LoadOutcome>((resolve, reject) => {
      settle = { resolve, reject };
    });
    // Until `go` is called nobody waits on the outcome; a failure then rejects the readiness instead.
    outcome.catch(() => {});
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!ready && out.startsWith("ready\n")) {
        ready = true;
        out = out.slice("ready\n".length);
        resolveReady({
          go: () => {
            child.stdin.end("go\n");
            return outcome;
          },
        });
      }
    });
    child.on("error", (error) => (ready ? settle?.reject(error) : rejectReady(error)));
    child.on("exit", (code) => {
      const lastLine = out.trim().split("\n").at(-1) ?? "";
      let failure: Error | undefined;
      try {
        const parsed = JSON.parse(lastLine) as LoadOutcome & { error?: string };
        if (code !== 0 || parsed.error) failure = new Error(`The load run failed: ${parsed.error ?? code}`);
        else settle?.resolve(parsed);
      } catch {
        failure = new Error(`The load run printed no result (exit ${code}): ${out.slice(-500)}`);
      }
      if (failure) ready ? settle?.reject(failure) : rejectReady(failure);
    });
  });
}

/** Runs a load plan in a separate autocannon process and returns what it saw. */
export async function runLoad(plan: LoadPlan): Promise<LoadOutcome> {
  return (await prepareLoad(plan)).go();
}

/** Runs the plan and turns the outcome into a measurement; statuses other than `expect` count as errors. */
export async function measureLoad(
  label: string,
  plan: LoadPlan,
  expect: (status: number) => boolean,
): Promise<Measurement> {
  return toMeasurement(label, await runLoad(plan), expect);
}

/**
 * Runs several plans at once, each in its own process; all processes are ready before any of them
 * starts, so none is measured while another is still loading its code.
 */
export async function measureLoadsTogether(
  runs: readonly { label: string; plan: LoadPlan; expect: (status: number) => boolean }[],
): Promise<Measurement[]> {
  const ready = await Promise.all(runs.map((run) => prepareLoad(run.plan)));
  const outcomes = await Promise.all(ready.map((load) => load.go()));
  return runs.map((run, i) => toMeasurement(run.label, outcomes[i] as LoadOutcome, run.expect));
}

function toMeasurement(label: string, outcome: LoadOutcome, expect: (status: number) => boolean): Measurement {
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
