/** Latency figures in milliseconds and throughput in operations a second, for one measurement. */
export interface Measurement {
  /** What was measured, in plain words. */
  label: string;
  p50: number;
  p95: number;
  p99: number;
  /** Operations a second; 0 when the measurement is a single timed task. */
  throughput: number;
  /** Anything else worth keeping (rows, bytes, errors). */
  extra?: Record<string, number | string>;
}

/**
 * One checked row of the results: a scenario can have several (B2 has one per kind of search term).
 * `ratio` is the figure the target speaks of (for example throughput of the API over raw, or p95 over
 * the scan), `target` says it in words, and `pass` is whether it was met.
 */
export interface ScenarioResult {
  id: string;
  name: string;
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  baseline: Measurement;
  ratio: number;
  target: string;
  pass: boolean;
  /** The measured reason when a target is missed, or how to read the row. */
  note?: string;
}
