import {
  AccountDetail,
  AccountIdParam,
  AccountSearchQuery,
  AccountSummaryPage,
  AuditEventPage,
  Problem,
  TimelineQuery,
} from "@recovery-desk/shared";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { requestOrigin } from "../../http/request-origin.ts";
import { createRouter, defineRoute, jsonAnswer } from "../../http/router.ts";
import { getAccountDetail, readAccountAsStaff } from "./detail.ts";
import { searchAccounts } from "./search.ts";
import { accountTimeline } from "./timeline.ts";

const searchRoute = defineRoute({
  method: "get",
  path: "/accounts",
  operationId: "searchAccounts",
  tags: ["Accounts"],
  summary: "Find accounts",
  description:
    "`q` matches a username (prefix), a name (typo-tolerant), a whole email, a phone number written any way, a ZIP code, or a street address (typo-tolerant); best matches first, paged by an opaque cursor up to 1,000 results deep. Without `q`, every account in username order. Contact data is always masked here.",
  access: { role: "agent", scope: "accounts:read" },
  request: { query: AccountSearchQuery },
  responses: {
    200: jsonAnswer("A page of matching accounts.", AccountSummaryPage, answerExamples.searchAccounts),
  },
});

const detailRoute = defineRoute({
  method: "get",
  path: "/accounts/{id}",
  operationId: "getAccount",
  tags: ["Accounts"],
  summary: "An account in detail",
  description:
    "The summary plus addresses, channels, lock details and the security question prompts (never answers). Contact data is masked unless the requesting agent holds an open verified window for the account.",
  access: { role: "agent", scope: "accounts:read" },
  request: { params: AccountIdParam },
  responses: {
    200: jsonAnswer("The account.", AccountDetail, answerExamples.getAccount),
    404: {
      description: "No account has this id (`not_found`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

const timelineRoute = defineRoute({
  method: "get",
  path: "/accounts/{id}/timeline",
  operationId: "listAccountTimeline",
  tags: ["Accounts"],
  summary: "What happened to an account",
  description:
    "The account's audit events — lockouts, calls, verifications, recoveries, merges — newest first, paged by cursor.",
  access: { role: "agent", scope: "accounts:read" },
  request: { params: AccountIdParam, query: TimelineQuery },
  responses: {
    200: jsonAnswer("A page of events.", AuditEventPage, answerExamples.listAccountTimeline),
    404: {
      description: "No account has this id (`not_found`).",
      content: { "application/problem+json": { schema: Problem } },
    },
  },
});

export const accountRoutes = createRouter()
  .openapi(searchRoute, async (c) => {
    const { database, clock } = c.var.deps;
    return c.json(await searchAccounts(database.db, c.req.valid("query"), clock.now()), 200);
  })
  .openapi(detailRoute, async (c) => {
    const { database, clock } = c.var.deps;
    const principal = c.var.principal;
    const accountId = c.req.valid("param").id;
    const now = clock.now();
    // Only an agent's own verified window unmasks; services always see masked data.
    const { detail, window } =
      principal?.kind === "staff"
        ? await readAccountAsStaff(database.db, accountId, principal.id, now)
        : { detail: await getAccountDetail(database.db, accountId, now), window: null };
    if (window && principal) {
      // Every view of unmasked contact data is audited before the data leaves.
      await database.db.transaction((tx) =>
        appendAuditEvent(tx, {
          at: now,
          actor: actorOf(principal),
          action: "account.viewed_unmasked",
          origin: requestOrigin(c),
          accountId,
          caseRef: window.caseRef,
          details: { verificationId: window.id },
        }),
      );
    }
    return c.json(detail, 200);
  })
  .openapi(timelineRoute, async (c) => {
    const { database } = c.var.deps;
    return c.json(await accountTimeline(database.db, c.req.valid("param").id, c.req.valid("query")), 200);
  });
