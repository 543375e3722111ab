import { ReportReceipt, ReportRequest } from "@recovery-desk/shared";
import { answerExamples } from "../../http/openapi-examples.ts";
import { requestOrigin } from "../../http/request-origin.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { receiveReport } from "./report.ts";

const reportRoute = defineRoute({
  method: "post",
  path: "/reports",
  operationId: "reportRecovery",
  tags: ["Reports"],
  summary: "Report a recovery the owner did not ask for",
  description:
    "The account owner's \"this wasn't me\", from the single-use report link in a notice (`<PUBLIC_URL>/report/<token>`), sent by the customer site or the console's public `/report/<token>` page; no sign-in. In one transaction the link is used up and the account is frozen: status `locked` with reason `reported_by_owner` (for a merged account, the account it was merged into), every open verified window on it closed, a pending temporary password revoked, pending merges involving it rejected, an `account.recovery_reported` audit event recorded (and its webhook queued), and a confirmation queued to the owner on the channel the link came by. A closed account is recorded, not frozen; an account already frozen is recorded again, not frozen twice. Only a supervisor lifts the lock (`POST /api/v1/accounts/{id}/unlock`, after verifying the caller with a code). An unknown, used or expired link gets the same 404, so a retry of a report that went through is a 404 too; an `Idempotency-Key` is not kept for a caller without a session. At most 10 reports an hour from one client address (`REPORT_MAX_PER_ADDRESS`, `REPORT_WINDOW_MINUTES`; an IPv6 address counts by its /64), then 429 `rate_limited` with `Retry-After`. The token is never logged or recorded.",
  access: "public",
  secretBody: true,
  request: jsonBody(ReportRequest, {
    token: "q3Zk9V0xT1b8Yw4Rm2Lp7AcV5nH8sD1fG6jK0wE3uYt",
    note: "I did not call USPS; someone else must have.",
  }),
  responses: {
    202: jsonAnswer(
      "Received: the account is held and the owner's confirmation queued.",
      ReportReceipt,
      answerExamples.reportRecovery,
    ),
    404: problemAnswer(
      "The link is unknown, already used or expired (`not_found`); the answer is the same for each, and nothing changes.",
    ),
  },
});

export const reportRoutes = createRouter().openapi(reportRoute, async (c) => {
  return c.json(await receiveReport(c.var.deps, c.req.valid("json"), requestOrigin(c)), 202);
});
