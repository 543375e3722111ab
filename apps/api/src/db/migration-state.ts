import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Database, type Db, MIGRATIONS_FOLDER } from "./client.ts";
import { queryRows } from "./rows.ts";

/** PostgreSQL's code for an error, from the driver's error or the one drizzle wraps around it. */
function sqlState(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    current = cause;
  }
  return undefined;
}

/** The committed migrations, oldest first, as drizzle's journal lists them. */
function committedMigrations(): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

/**
 * The committed migrations the database has not had yet, by name. Drizzle records each applied
 * migration in `drizzle.__drizzle_migrations` with the time of its journal entry, and applies those
 * newer than the last one recorded; this answers the same question reading only that table, so a
 * role without CREATE can ask it.
 */
export async function pendingMigrations(db: Db): Promise<string[]> {
  let last = 0;
  try {
    const rows = await queryRows<{ last: string | number | null }>(
      db,
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    );
    last = Number(rows[0]?.last ?? 0);
  } catch (error) {
    // 3F000 no such schema, 42P01 no such table: nothing was ever applied.
    if (!["3F000", "42P01"].includes(sqlState(error) ?? "")) throw error;
  }
  return committedMigrations()
    .filter((migration) => migration.when > last)
    .map((migration) => migration.tag);
}

/** Why the server will not start: the schema is behind the code, and it was told not to migrate. */
export class MigrationsPendingError extends Error {
  constructor(readonly pending: string[]) {
    super(
      `the database is missing ${pending.length} migration${pending.length === 1 ? "" : "s"} (${pending.join(", ")}). ` +
        "Run `pnpm migrate` with the database owner's DATABASE_URL, then start the server again.",
    );
    this.name = "MigrationsPendingError";
  }
}

/**
 * Brings the schema up to date at start-up when `migrateOnStart`, or refuses when it is behind and
 * not. A database that is already up to date is not touched at all, so a server connected as a role
 * that may only read and write rows (docs/audit.md) starts either way once the owner has migrated.
 */
export async function migrateOnStart(database: Database, migrateOnStart: boolean, logger: Logger): Promise<void> {
  const pending = await pendingMigrations(database.db);
  if (pending.length === 0) return;
  if (!migrateOnStart) throw new MigrationsPendingError(pending);
  try {
    await database.migrate();
  } catch (error) {
    if (sqlState(error) === "42501") {
      throw new Error(
        `the database role may not change the schema, and ${pending.length} migration(s) are not applied (${pending.join(", ")}). ` +
          "Run `pnpm migrate` with the database owner's DATABASE_URL, then start the server again.",
      );
    }
    throw error;
  }
  logger.info({ applied: pending }, "migrations applied");
}
