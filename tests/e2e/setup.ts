import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildConsole, startServer } from "@recovery-desk/test-support/server";

/**
 * Builds the console once, into a folder of this run's own, and has every server the journeys start
 * serve it from there (CONSOLE_DIST): another build of apps/console/dist on the same machine then cannot
 * swap the files under a running journey.
 *
 * Loads the demo world once, into a data folder that every journey's server starts from a copy of
 * (E2E_DEMO_WORLD, see `useJourney`): each file, or each test that asks for it, gets the demo world
 * fresh, without the seconds of loading it again, and journeys do not see each other's changes.
 */
export default async function setup() {
  const dist = mkdtempSync(join(tmpdir(), "rd-e2e-console-"));
  buildConsole(dist);
  process.env.CONSOLE_DIST = dist;
  const world = await startServer({}, { keepData: true });
  await world.stop();
  process.env.E2E_DEMO_WORLD = world.dataDir;
  return () => {
    rmSync(dist, { recursive: true, force: true });
    rmSync(world.dataDir, { recursive: true, force: true });
  };
}
