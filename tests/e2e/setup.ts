import type { TestProject } from "vitest/node";
import { buildConsole, startServer } from "../support/server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** Builds the console and starts the real server on a fresh embedded database with the demo world. */
export default async function setup(project: TestProject) {
  buildConsole();
  const server = await startServer();
  project.provide("baseUrl", server.baseUrl);
  return () => server.stop();
}
