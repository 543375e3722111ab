/**
 * Applies the committed migrations: `pnpm migrate`. Run it as the database's owner (DATABASE_URL),
 * or on the embedded database in DATA_DIR, before starting a server that does not migrate itself
 * (MIGRATE_ON_START=false, or a role without CREATE). Running it again changes nothing.
 */
import { openPostgres } from "../db/client.ts";
import { pendingMigrations } from "../db/migration-state.ts";
import { openEmbeddedOrExit } from "../db/open-embedded-or-exit.ts";
import { loadEnv } from "../env.ts";
import { safeError } from "../lib/safe-error.ts";

const env = loadEnv();
const database = env.DATABASE_URL
  ? await openPostgres({ url: env.DATABASE_URL, max: 1 })
  : await openEmbeddedOrExit(env.DATA_DIR, "migrate");
try {
  const pending = await pendingMigrations(database.db);
  await database.migrate();
  const where = env.DATABASE_URL ? "PostgreSQL" : `the embedded database in ${env.DATA_DIR}`;
  console.warn(
    pending.length === 0
      ? `The schema of ${where} is up to date; nothing to apply.`
      : `Applied ${pending.length} migration${pending.length === 1 ? "" : "s"} to ${where}: ${pending.join(", ")}.`,
  );
} catch (error) {
  console.error(`The migrations could not be applied: ${safeError(error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
