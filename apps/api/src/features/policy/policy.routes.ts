import { Policy } from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { createRouter, defineRoute, jsonAnswer } from "../../http/router.ts";
import { DEFAULT_RECOVERY_POLICY, policyOf, presentPolicy } from "./policy.ts";

const policyRoute = defineRoute({
  method: "get",
  path: "/policy",
  operationId: "getPolicy",
  tags: ["Recovery"],
  summary: "The evidence each action requires",
  description:
    "For each recovery action, the level of evidence the agent's verified window must hold (`any`, `code`, `two_with_code`, `two_codes`), from the configured preset (`RECOVERY_POLICY`) and per-action settings. An action short of its level answers 403 `verification_insufficient`.",
  access: "agent",
  responses: {
    200: jsonAnswer("The policy in force.", Policy, presentPolicy(DEFAULT_RECOVERY_POLICY)),
  },
});

export const policyRoutes = createRouter().openapi(policyRoute, (c) => {
  return c.json(presentPolicy(policyOf(staffScope(c, "agent").deps.config)), 200);
});
