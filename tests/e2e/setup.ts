import { buildConsole } from "../support/server.ts";

/**
 * Builds the console once; each journey file then starts the real server on a fresh embedded
 * database with the demo world, so journeys do not see each other's changes.
 */
export default function setup() {
  buildConsole();
}
