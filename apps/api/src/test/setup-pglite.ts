import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openPglite } from "../db/client.ts";
import { prepareTestWorld } from "./world.ts";

/** Builds the test world once on PGlite and saves a dump that every test file starts from. */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "rd-pglite-"));
  const database = await openPglite();
  await prepareTestWorld(database);
  const dumpPath = join(folder, "world.tar.gz");
  writeFileSync(dumpPath, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
  await database.close();
  project.provide("testDatabase", { kind: "pglite", dumpPath });
  return () => rmSync(folder, { recursive: true, force: true });
}
