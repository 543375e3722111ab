import { startPostgresCluster } from "@recovery-desk/test-support/postgres-cluster";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../db/client.ts";
import { prepareTestWorld } from "./world.ts";

const TEMPLATE = "rd_template";

/**
 * Starts a real PostgreSQL cluster from the machine's binaries, builds the test world in a
 * template database, and lets every test file clone it. Fails loudly when PostgreSQL is missing.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster({ label: "api-tests" });
  const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE}`);
  await admin.end();

  const templateUrl = new URL(cluster.url);
  templateUrl.pathname = `/${TEMPLATE}`;
  const database = await openPostgres({ url: templateUrl.toString(), max: 2 });
  await prepareTestWorld(database);
  await database.close();

  project.provide("testDatabase", { kind: "postgres", adminUrl: cluster.url, template: TEMPLATE });
  return () => cluster.stop();
}
