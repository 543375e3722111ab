import { round } from "./stats.ts";
import type { Measurement, ScenarioResult } from "./types.ts";

/** A result row from a measurement, its baseline, the ratio the target is about and the verdict. */
export function resultRow(row: {
  id: string;
  name: string;
  measured: Measurement;
  baseline: Measurement;
  ratio: number;
  target: string;
  pass: boolean;
  note?: string;
}): ScenarioResult {
  return {
    id: row.id,
    name: row.name,
    p50: row.measured.p50,
    p95: row.measured.p95,
    p99: row.measured.p99,
    throughput: row.measured.throughput,
    baseline: row.baseline,
    ratio: round(row.ratio, 4),
    target: row.target,
    pass: row.pass,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** A row for a scenario that could not run, with the reason. */
export function failedRow(id: string, name: string, error: unknown): ScenarioResult {
  const empty = { label: "not measured", p50: 0, p95: 0, p99: 0, throughput: 0 };
  return {
    id,
    name,
    ...{ p50: 0, p95: 0, p99: 0, throughput: 0 },
    baseline: empty,
    ratio: 0,
    target: "",
    pass: false,
    note: `The scenario failed to run: ${error instanceof Error ? error.message : String(error)}`,
  };
}
