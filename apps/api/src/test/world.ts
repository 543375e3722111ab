import type { Database } from "../db/client.ts";
import { loadDemoWorld } from "../demo/load.ts";

/** When the test world was loaded; every test clock starts here. */
export const TEST_NOW = new Date("2026-11-23T15:00:00.000Z");

/**
 * Generated accounts in the test world. Fewer than the demo's 2,000 keeps set-up quick while
 * still giving search enough neighbours to rank against.
 */
export const TEST_GENERATED_ACCOUNTS = 600;

/** Migrates an empty database and loads the demo world into it, as the server does at start-up. */
export async function prepareTestWorld(database: Database): Promise<void> {
  await database.migrate();
  await loadDemoWorld(database.db, TEST_NOW, TEST_GENERATED_ACCOUNTS);
}

/** What a global setup hands to the test files: where to get a fresh copy of the world. */
export type TestDatabaseSource =
  | { kind: "pglite"; dumpPath: string }
  | { kind: "postgres"; adminUrl: string; template: string };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseSource;
  }
}
