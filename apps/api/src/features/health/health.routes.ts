import { Health, Readiness } from "@recovery-desk/shared";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer } from "../../http/router.ts";

const healthRoute = defineRoute({
  method: "get",
  path: "/healthz",
  operationId: "checkHealth",
  tags: ["Health"],
  summary: "The process is up",
  description: "Answers 200 while the process runs, without touching the database: a liveness probe.",
  access: "public",
  responses: { 200: jsonAnswer("Up.", Health, answerExamples.checkHealth) },
});

const readyRoute = defineRoute({
  method: "get",
  path: "/readyz",
  operationId: "checkReadiness",
  tags: ["Health"],
  summary: "The database is reachable",
  description: "Answers 200 when the database answers a trivial query and 503 when it does not: a readiness probe.",
  access: "public",
  responses: {
    200: jsonAnswer("Ready.", Readiness, answerExamples.checkReadiness),
    503: jsonAnswer("The database does not answer.", Readiness, answerExamples.notReady),
  },
});

export const healthRoutes = createRouter()
  .openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(readyRoute, async (c) => {
    try {
      await c.var.deps.database.ping();
      return c.json({ status: "ok" as const, database: "up" as const }, 200);
    } catch {
      return c.json({ status: "unavailable" as const, database: "down" as const }, 503);
    }
  });
