import { type Database, openPglite } from "./client.ts";
import { DataDirInUseError } from "./data-dir-lock.ts";

/**
 * Opens the embedded database in `dataDir` for a command or the server. When another Recovery Desk
 * process holds the folder, prints one plain line naming the folder and its pid and exits 1.
 */
export async function openEmbeddedOrExit(dataDir: string, what: string): Promise<Database> {
  try {
    return await openPglite({ dataDir });
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    console.error(`${what} cannot start: ${error.message}`);
    process.exit(1);
  }
}
