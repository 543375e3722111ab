import { type Column, getTableColumns, getTableName, type InferInsertModel, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.ts";

/**
 * Inserts many rows of a table with one statement and one parameter: the rows as JSON, read back
 * into typed columns by `json_to_recordset`. The same SQL runs on PostgreSQL and PGlite, the values
 * never enter the statement's text, and no per-value placeholders are built, which makes it several
 * times cheaper than the query builder's multi-row `values` for the hundreds of rows of an import.
 *
 * Rows are the table's insert shape, as for `tx.insert(table).values(rows)`. A key left out takes the
 * column's default (as the builder would), or null; text, citext, boolean, integer and timestamp
 * columns only (each survives JSON unchanged: a Date becomes its ISO 8601 text).
 */
export async function insertRows<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: readonly InferInsertModel<T>[],
  chunk = 1000,
): Promise<void> {
  const statement = statementOf(table);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = i === 0 && rows.length <= chunk ? rows : rows.slice(i, i + chunk);
    await executor.execute(statement(JSON.stringify(part)));
  }
}

/** Column types whose JSON form is what the database reads back. */
const PLAIN_TYPES = new Set(["PgText", "PgBoolean", "PgInteger", "PgSmallInt", "PgTimestamp", "PgCustomColumn"]);

const statements = new WeakMap<PgTable, (json: string) => SQL>();

function statementOf(table: PgTable): (json: string) => SQL {
  const cached = statements.get(table);
  if (cached) return cached;
  const entries = Object.entries(getTableColumns(table)) as [string, Column][];
  for (const [key, column] of entries) {
    if (
      !PLAIN_TYPES.has(column.columnType) ||
      (column.columnType === "PgCustomColumn" && column.getSQLType() !== "citext")
    ) {
      throw new Error(`insertRows: ${getTableName(table)}.${key} is a ${column.getSQLType()} column, not supported.`);
    }
    if (
      column.defaultFn ||
      column.onUpdateFn ||
      (column.hasDefault && (column.default === undefined || !column.notNull))
    ) {
      throw new Error(`insertRows: ${getTableName(table)}.${key} has a default it cannot apply.`);
    }
  }
  const names = sql.join(
    entries.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  // Read by the rows' own keys, so JSON.stringify(rows) is the whole parameter.
  const values = sql.join(
    entries.map(([key, column]) =>
      column.hasDefault ? sql`coalesce(r.${sql.identifier(key)}, ${column.default})` : sql`r.${sql.identifier(key)}`,
    ),
    sql`, `,
  );
  const record = sql.join(
    entries.map(([key, column]) => sql`${sql.identifier(key)} ${sql.raw(column.getSQLType())}`),
    sql`, `,
  );
  const statement = (json: string) =>
    sql`insert into ${table} (${names}) select ${values} from json_to_recordset(${json}::json) as r(${record})`;
  statements.set(table, statement);
  return statement;
}
