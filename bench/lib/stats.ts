import { quantile } from "@recovery-desk/test-support/stats";
import type { Measurement } from "./types.ts";

/** Percentiles of latencies in milliseconds, and the throughput over `seconds` when given. */
export function summarize(
  label: string,
  latenciesMs: readonly number[],
  seconds = 0,
  extra?: Measurement["extra"],
): Measurement {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    label,
    p50: round(quantile(sorted, 0.5)),
    p95: round(quantile(sorted, 0.95)),
    p99: round(quantile(sorted, 0.99)),
    throughput: seconds > 0 ? round(sorted.length / seconds) : 0,
    ...(extra ? { extra } : {}),
  };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Runs `task` `times` times one after another and returns each duration in milliseconds. */
export async function timeEach(times: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await task(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * Runs `work` over the items with `workers` callers, each taking the next item when it is done, and
 * returns each call's duration in milliseconds.
 */
export async function timeConcurrently<T>(
  items: readonly T[],
  workers: number,
  work: (item: T) => Promise<unknown>,
): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const t0 = performance.now();
        await work(items[i] as T);
        out.push(performance.now() - t0);
      }
    }),
  );
  return out;
}
