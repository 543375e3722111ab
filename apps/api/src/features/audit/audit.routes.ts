import {
  AuditExportQuery,
  AuditQuery,
  ChainCheck,
  ChainState,
  ListedAuditEventPage,
  VerifyQuery,
} from "@recovery-desk/shared";
import { actorOf } from "../../auth/principal.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, problemAnswer } from "../../http/router.ts";
import { safeError } from "../../lib/safe-error.ts";
import { chainState, runChainCheck } from "./checks.ts";
import { exportAuditEvents } from "./export.ts";
import { listAuditEvents } from "./list.ts";

const ACCESS = { role: "supervisor", scope: "audit:read" } as const;

const UNKNOWN_NAME = problemAnswer(
  "A filter is not valid, or `actor` or `account` names no one (`validation_failed`, with `errors[].path` `query.actor` or `query.account`).",
);

const listRoute = defineRoute({
  method: "get",
  path: "/audit-events",
  operationId: "searchAuditEvents",
  tags: ["Audit"],
  summary: "Search the audit trail",
  description:
    "Filter by actor, action, account, case, time range and free text (reason and details); newest first, paged by an opaque cursor that stays fast at any depth. `actor` takes a staff username or an id (`?actor=ava.agent`), `account` an account's username or id (`?account=maria.lopez`); `actorId` and `accountId` take ids only. Each event comes with its account's current username (`account`).",
  access: ACCESS,
  request: { query: AuditQuery },
  responses: {
    200: jsonAnswer("A page of events.", ListedAuditEventPage, answerExamples.searchAuditEvents),
    400: UNKNOWN_NAME,
  },
});

const exportRoute = defineRoute({
  method: "get",
  path: "/audit-events/export",
  operationId: "exportAuditEvents",
  tags: ["Audit"],
  summary: "Export the filtered trail as CSV or NDJSON",
  description:
    "Streams every matching event, newest first, with `hash` and `prev_hash` so the chain can be re-verified outside the product: `hash` is SHA-256 over the JSON array [seq, id, occurredAt, actorType, actorId, actorName, action, accountId, caseRef, reason, requestId, ip, details, prevHash] with object keys sorted. In CSV, a cell that would start with `=`, `+`, `-`, `@`, a tab, a carriage return or `'` is written with one `'` before it, so a spreadsheet shows it as text instead of running it as a formula: take that one leading `'` off each such cell before re-hashing. NDJSON carries every value exactly as stored.",
  access: ACCESS,
  request: { query: AuditExportQuery },
  responses: {
    200: {
      description: "The events.",
      content: { "text/csv": { schema: { type: "string" } }, "application/x-ndjson": { schema: { type: "string" } } },
    },
    400: UNKNOWN_NAME,
  },
});

const verifyRoute = defineRoute({
  method: "get",
  path: "/audit/verify",
  operationId: "verifyAuditChain",
  tags: ["Audit"],
  summary: "Check the audit chain",
  description:
    "Recomputes the chain over a range (default: all) and names the first event that does not fit. The result is recorded; an intact check from the start or from a checkpoint becomes the new checkpoint.",
  access: ACCESS,
  request: { query: VerifyQuery },
  responses: { 200: jsonAnswer("What the check found.", ChainCheck, answerExamples.verifyAuditChain) },
});

const stateRoute = defineRoute({
  method: "get",
  path: "/audit/state",
  operationId: "getAuditChainState",
  tags: ["Audit"],
  summary: "The chain's head, last check and last checkpoint",
  description:
    "The newest event in the chain (its `seq` and hash), the last chain check and its result, and the last checkpoint a check may start from.",
  access: ACCESS,
  responses: { 200: jsonAnswer("The state.", ChainState, answerExamples.getAuditChainState) },
});

export const auditRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listAuditEvents(c.var.deps.database.db, c.req.valid("query")), 200))
  .openapi(exportRoute, async (c) => {
    const query = c.req.valid("query");
    const { database, logger } = c.var.deps;
    const requestId = c.var.requestId;
    const chunks = exportAuditEvents(database.db, query);
    // The first batch is read before answering, so a query that fails is answered with a problem
    // instead of a 200 whose file is empty.
    const first = await chunks.next();
    const stamp = c.var.deps.clock.now().toISOString().slice(0, 19).replaceAll(":", "");
    c.header(
      "Content-Type",
      query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    );
    c.header(
      "Content-Disposition",
      `attachment; filename="audit-${stamp}.${query.format === "csv" ? "csv" : "ndjson"}"`,
    );
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (first.done) controller.close();
        else controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // A later batch failed: the download breaks off, so it cannot pass for a complete file.
          logger.error({ requestId, err: safeError(error) }, "audit export failed part-way");
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return c.body(body, 200) as never;
  })
  .openapi(verifyRoute, async (c) => {
    const principal = c.var.principal;
    const by = principal ? actorOf(principal).name : "unknown";
    return c.json(await runChainCheck(c.var.deps, by, c.req.valid("query")), 200);
  })
  .openapi(stateRoute, async (c) => c.json(await chainState(c.var.deps.database.db), 200));
