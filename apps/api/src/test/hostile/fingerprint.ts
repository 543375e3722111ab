import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";

/**
 * What the fingerprint leaves out, and why: each of these changes on ordinary requests by design,
 * including requests that are refused, so "nothing changed" cannot include them.
 */
export const FINGERPRINT_EXCLUSIONS = {
  tables: {
    idempotency_keys:
      "keeps the answer to each request sent with an Idempotency-Key, refusals included, so that a retry replays it",
  },
  columns: {
    sessions: {
      columns: ["last_seen_at", "idle_expires_at"],
      why: "a session's idle deadline moves forward as it is used",
    },
    api_keys: { columns: ["last_used_at", "last_used_ip"], why: "a key records when and from where it was last used" },
  },
  rows: {
    rate_limit_counters: {
      where: "key not like 'rate:%'",
      why: "the per-session and per-key request counters (`rate:…`) count every request; the failed sign-in counters (`login:…`) stay in",
    },
  },
} as const;

export interface TableShape {
  name: string;
  columns: string[];
}

/** Every table of the application's schema with the columns the fingerprint covers. */
export async function fingerprintedTables(db: Db): Promise<TableShape[]> {
  const rows = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, string[]>();
  for (const { table_name, column_name } of rows) {
    if (table_name in FINGERPRINT_EXCLUSIONS.tables) continue;
    const skipped: readonly string[] =
      FINGERPRINT_EXCLUSIONS.columns[table_name as keyof typeof FINGERPRINT_EXCLUSIONS.columns]?.columns ?? [];
    if (skipped.includes(column_name)) continue;
    tables.set(table_name, [...(tables.get(table_name) ?? []), column_name]);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Each table's row count and the sum of an md5 of every row (as text): two fingerprints are equal
 * exactly when no covered row was added, removed or changed. A sum needs no sort, which keeps one
 * fingerprint of the whole database to a single quick statement.
 */
export async function fingerprint(db: Db, tables: TableShape[]): Promise<Record<string, string>> {
  const parts = tables.map(({ name, columns }) => {
    const rowFilter = FINGERPRINT_EXCLUSIONS.rows[name as keyof typeof FINGERPRINT_EXCLUSIONS.rows]?.where ?? "true";
    const literal = `'${name.replaceAll("'", "''")}'`;
    return `select ${literal} as name, count(*)::int as n,
        coalesce(sum(('x' || substr(md5(r::text), 1, 15))::bit(60)::bigint), 0)::text as hash
      from (select ${columns.map(quote).join(", ")} from ${quote(name)} where ${rowFilter}) r`;
  });
  const rows = await queryRows<{ name: string; n: number; hash: string }>(db, sql.raw(parts.join("\nunion all\n")));
  return Object.fromEntries(rows.map((row) => [row.name, `${row.n}:${row.hash}`]));
}

/** The tables whose fingerprints differ. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]);
}
