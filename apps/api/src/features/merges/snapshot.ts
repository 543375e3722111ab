import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

/** Makes a row JSON-safe for a snapshot: timestamps become ISO strings. */
export function freeze(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
}

/** Turns a snapshot row back into what the table takes: ISO strings of timestamp columns become Dates. */
export function thaw<T extends PgTable>(table: T, row: Record<string, unknown>): T["$inferInsert"] {
  const columns = getTableColumns(table) as Record<string, { dataType: string }>;
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      columns[k]?.dataType === "date" && typeof v === "string" ? new Date(v) : v,
    ]),
  ) as T["$inferInsert"];
}
