import { SweepResult } from "@recovery-desk/shared";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer } from "../../http/router.ts";
import { runInactivitySweep } from "./inactivity-sweep.ts";

const sweepRoute = defineRoute({
  method: "post",
  path: "/admin/inactivity-sweep",
  operationId: "runInactivitySweep",
  tags: ["Inactivity sweep"],
  summary: "Run the inactivity sweep now",
  description:
    "Deactivates accounts with no activity for the configured time (3 years by default). It also runs on a schedule inside the API; running it twice, or in two processes at once, deactivates each account once.",
  access: "admin",
  responses: { 200: jsonAnswer("What the sweep did.", SweepResult, answerExamples.runInactivitySweep) },
});

export const sweepRoutes = createRouter().openapi(sweepRoute, async (c) =>
  c.json(await runInactivitySweep(c.var.deps), 200),
);
