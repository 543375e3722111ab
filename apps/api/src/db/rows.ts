import type { SQL } from "drizzle-orm";
import type { Executor } from "./client.ts";

/**
 * Runs a raw (parameterised) statement and returns its rows, whichever driver is underneath:
 * postgres-js answers an array of rows, PGlite an object with `rows`.
 */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, statement: SQL): Promise<T[]> {
  const result = (await executor.execute(statement)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
