import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildConsole } from "@recovery-desk/test-support/server";

/**
 * Builds the console once, into a folder of this run's own, and has every server the journeys start
 * serve it from there (CONSOLE_DIST): another build of apps/console/dist on the same machine then cannot
 * swap the files under a running journey. Each journey file starts the real server on a fresh embedded
 * database with the demo world, so journeys do not see each other's changes.
 */
export default function setup() {
  const dist = mkdtempSync(join(tmpdir(), "rd-e2e-console-"));
  buildConsole(dist);
  process.env.CONSOLE_DIST = dist;
  return () => rmSync(dist, { recursive: true, force: true });
}
