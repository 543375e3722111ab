import {
  AccountDetail,
  AccountEventBody,
  AccountEventReceipt,
  AccountIdParam,
  AccountSearchQuery,
  AccountSummaryPage,
  AccountSyncBody,
  AccountUsernameParam,
  AuditEventPage,
  Problem,
  presentRisk,
  RiskSchema,
  TimelineQuery,
} from "@recovery-desk/shared";
import { appendAuditEvent } from "../../audit/append.ts";
import { keyScope } from "../../auth/access.ts";
import { actorOf } from "../../auth/principal.ts";
import { accountDetailExample, accountSummaryExample, answerExamples } from "../../http/openapi-examples.ts";
import { requestOrigin } from "../../http/request-origin.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { recordAccountEvent } from "./account-events.ts";
import { getAccountDetail, readAccountAsStaff } from "./detail.ts";
import { readAccountRisk } from "./risk.ts";
import { searchAccounts } from "./search.ts";
import { syncAccount } from "./sync.ts";
import { accountTimeline } from "./timeline.ts";

const accountNotFound = {
  description: "No account has this id (`not_found`).",
  content: { "application/problem+json": { schema: Problem } },
};

const searchRoute = defineRoute({
  method: "get",
  path: "/accounts",
  operationId: "searchAccounts",
  tags: ["Accounts"],
  summary: "Find accounts",
  description:
    "`q` matches a username (prefix), a name (typo-tolerant), a whole email, a phone number written any way, a ZIP code, or a street address (typo-tolerant); best matches first, paged by an opaque cursor up to 1,000 results deep. Without `q`, every account in username order. Contact data is always masked here. `accountsLoaded` is false only on an install with no accounts at all, so a client can say that nothing is loaded yet rather than that nothing matched.",
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
    404: accountNotFound,
  },
});

const riskRoute = defineRoute({
  method: "get",
  path: "/accounts/{id}/risk",
  operationId: "getAccountRisk",
  tags: ["Accounts"],
  summary: "An account's risk",
  description:
    "The account's risk level (`low`, `elevated`, `high`) and the signals behind it, highest first, each with a reason an agent can read out and what it changes: a desk recovery in 7 days (elevated), an owner's report in 30 days or a freeze on one (high), failed verifications across all agents in 24 hours (1–2 elevated, 3 or more high), 3 or more codes sent in 24 hours (elevated), the email or phone on file changed in 30 days (elevated) or 72 hours (high), a new SIM on the phone on file in 7 days (high; when the carrier does not answer the signal is `low` and says unknown). The account detail carries the same in `risk`.",
  access: { role: "agent", scope: "accounts:read" },
  request: { params: AccountIdParam },
  responses: {
    200: jsonAnswer("The account's risk.", RiskSchema, answerExamples.getAccountRisk),
    404: accountNotFound,
  },
});

const accountEventRoute = defineRoute({
  method: "post",
  path: "/account-events",
  operationId: "reportAccountEvent",
  tags: ["Accounts"],
  summary: "Report a change of email or phone from the system of record",
  description:
    "The system of record reports that an account's email or phone on file changed, and when. The time on file only moves forward; a move is audited (`account.updated`). A change within 30 days raises the account's risk to elevated, within 72 hours to high. An unknown username gets the same 202 answer and nothing is written. A time more than 5 minutes in the future is 400 `validation_failed`.",
  access: { scope: "accounts:write" },
  request: jsonBody(AccountEventBody, {
    username: "luc.martin",
    kind: "phone_changed",
    occurredAt: "2026-11-22T16:40:00.000Z",
  }),
  responses: {
    202: jsonAnswer("Taken (whether or not the username is known).", AccountEventReceipt, { status: "accepted" }),
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
    404: accountNotFound,
  },
});

/** Maria's account as a service sees it after a sync: masked, with no verified window. */
const syncedAccountExample = {
  ...accountDetailExample,
  status: "active",
  statusReason: null,
  emailMasked: accountSummaryExample.emailMasked,
  phoneMasked: accountSummaryExample.phoneMasked,
  addresses: accountDetailExample.addresses.map((a) => ({ ...a, line1: "•••• N Main Street", masked: true })),
  channels: {
    email: { masked: accountSummaryExample.emailMasked, verified: true },
    phone: { masked: accountSummaryExample.phoneMasked, verified: true },
  },
  contactMasked: true,
  verification: null,
} as const;

const syncRoute = defineRoute({
  method: "put",
  path: "/accounts/by-username/{username}",
  operationId: "syncAccount",
  tags: ["Accounts"],
  summary: "Create or update an account from the system of record",
  description:
    "The system of record sends the whole account; it is created (201) or its fields replaced (200), by username. Name search, the USPS-normalised address keys and duplicate candidates are right at once. Security answers are normalised and hashed on arrival and never stored, logged or echoed; leave `securityQuestions` out to keep the questions on file, or send an empty list to remove them. A changed email or phone records when it changed. Bad input is 400 `validation_failed` naming each field, and nothing is written. The answer is the account, masked.",
  access: { scope: "accounts:write" },
  secretBody: true,
  request: {
    params: AccountUsernameParam,
    ...jsonBody(AccountSyncBody, {
      displayName: "Maria Lopez",
      firstName: "Maria",
      lastName: "Lopez",
      email: "maria.lopez@example.com",
      emailVerified: true,
      phone: "(217) 555-0142",
      phoneVerified: true,
      language: "es",
      addresses: [
        { kind: "home", line1: "1200 N Main Street", line2: "Apt 4", city: "Springfield", state: "IL", zip: "62701" },
      ],
      createdAt: "2019-04-02T10:15:00.000Z",
      lastActivityAt: "2026-11-23T13:41:07.000Z",
      securityQuestions: [
        { prompt: "In what city were you born?", answer: "San Antonio" },
        { prompt: "What was the name of your first pet?", answer: "Biscuit" },
      ],
    }),
  },
  responses: {
    200: jsonAnswer("The account was updated; here it is, masked.", AccountDetail, syncedAccountExample),
    201: jsonAnswer("The account was created; here it is, masked.", AccountDetail, syncedAccountExample),
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
  .openapi(riskRoute, async (c) => {
    const { database, clock } = c.var.deps;
    return c.json(presentRisk(await readAccountRisk(database.db, c.req.valid("param").id, clock.now())), 200);
  })
  .openapi(accountEventRoute, async (c) => {
    return c.json(await recordAccountEvent(keyScope(c), c.req.valid("json")), 202);
  })
  .openapi(timelineRoute, async (c) => {
    const { database } = c.var.deps;
    return c.json(await accountTimeline(database.db, c.req.valid("param").id, c.req.valid("query")), 200);
  })
  .openapi(syncRoute, async (c) => {
    const { created, account } = await syncAccount(keyScope(c), c.req.valid("param").username, c.req.valid("json"));
    return created ? c.json(account, 201) : c.json(account, 200);
  });
