import type { Db } from "@recovery-desk/api/db";
import * as schema from "@recovery-desk/api/db/schema";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";

/** A drizzle database on the raw driver, for calling the API's own functions from a scenario. */
export function openDb(url: string, options: postgres.Options<Record<string, never>> = {}) {
  const client = postgres(url, { max: 1, onnotice: () => {}, ...options });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, client, close: () => client.end({ timeout: 5 }) };
}
