import {
  AccountIdParam,
  ClusterQuery,
  DecisionRequest,
  DuplicateClusterPage,
  Duplicates,
  Merge,
  MergeIdParam,
  MergePage,
  MergeQuery,
  ProposeMergeRequest,
} from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { duplicateCandidates } from "../duplicates/candidates.ts";
import { duplicateClusters } from "../duplicates/clusters.ts";
import { approveMerge, rejectMerge } from "./decide.ts";
import { getMerge, listMerges } from "./present.ts";
import { proposeMerge } from "./propose.ts";
import { undoMerge } from "./undo.ts";

/** Where a page starts: after this request time and merge id. */
const mergeCursor = cursorCodec({ t: position.time(), i: position.text(64) });

const candidatesRoute = defineRoute({
  method: "get",
  path: "/accounts/{id}/duplicates",
  operationId: "listDuplicateCandidates",
  tags: ["Duplicates and merges"],
  summary: "Duplicate candidates of an account",
  description:
    "Other open accounts at the same normalised address, best match first, with the reasons (same last name, nickname of the first name, same phone …).",
  access: "agent",
  request: { params: AccountIdParam },
  responses: {
    200: jsonAnswer("The candidates.", Duplicates, answerExamples.listDuplicateCandidates),
    404: problemAnswer("No such account (`not_found`)."),
  },
});

const clustersRoute = defineRoute({
  method: "get",
  path: "/duplicate-clusters",
  operationId: "listDuplicateClusters",
  tags: ["Duplicates and merges"],
  summary: "Addresses with two or more open accounts",
  description: "Largest clusters first, paged by cursor.",
  access: "supervisor",
  request: { query: ClusterQuery },
  responses: { 200: jsonAnswer("A page of clusters.", DuplicateClusterPage, answerExamples.listDuplicateClusters) },
});

const proposeRoute = defineRoute({
  method: "post",
  path: "/merges",
  operationId: "proposeMerge",
  tags: ["Duplicates and merges"],
  summary: "Propose a merge",
  description:
    "An agent with the survivor's owner verified (open window) proposes 1–3 accounts at the survivor's normalised address to fold into it. A supervisor other than the proposer decides.",
  access: "agent",
  request: jsonBody(ProposeMergeRequest, {
    survivorId: "acc_kq3v7m2x9d4t8w6z",
    mergedIds: ["acc_m4x9k7q2v3d8t6wz"],
    reason: "The caller owns both accounts: same name, address and phone.",
    caseRef: "CASE-2026-0042",
  }),
  responses: {
    201: jsonAnswer("Proposed; waiting for approval.", Merge, answerExamples.proposeMerge),
    403: problemAnswer(
      "No open verified window for the survivor, or `caseRef` names another case than the window's (`verification_required`); the window's evidence is short of the policy's level for a merge (`verification_insufficient`).",
    ),
    409: problemAnswer(
      "An account is not at the address, is merged or closed (`invalid_transition`), or is in another pending merge (`conflict`).",
    ),
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/merges",
  operationId: "listMerges",
  tags: ["Duplicates and merges"],
  summary: "Merges, newest first",
  description:
    "Each merge comes with `survivor` and `merged`: the summaries of its accounts as they are now (names, usernames, status, masked contact data, city and ZIP), so a queue can name and compare them without a call per account.",
  access: "agent",
  request: { query: MergeQuery },
  responses: { 200: jsonAnswer("A page of merges.", MergePage, answerExamples.listMerges) },
});

const getRoute = defineRoute({
  method: "get",
  path: "/merges/{id}",
  operationId: "getMerge",
  tags: ["Duplicates and merges"],
  summary: "A merge",
  description:
    "One merge: its state (pending approval, completed, rejected, undone), who proposed and decided it and why, and until when it can be undone.",
  access: "agent",
  request: { params: MergeIdParam },
  responses: {
    200: jsonAnswer("The merge.", Merge, answerExamples.getMerge),
    404: problemAnswer("No such merge (`not_found`)."),
  },
});

const decisionProblems = {
  403: problemAnswer("The proposer cannot decide on their own merge (`forbidden`)."),
  404: problemAnswer("No such merge (`not_found`)."),
  409: problemAnswer("Already decided, or an account changed (`conflict`, `invalid_transition`)."),
};

const approveRoute = defineRoute({
  method: "post",
  path: "/merges/{id}/approve",
  operationId: "approveMerge",
  tags: ["Duplicates and merges"],
  summary: "Approve and execute a merge",
  description: "Executes the merge in one transaction and keeps a snapshot of every row it changes, for undo.",
  access: "supervisor",
  request: {
    params: MergeIdParam,
    ...jsonBody(DecisionRequest, {
      reason: "Same person: the caller confirmed both accounts, and the phone numbers match.",
    }),
  },
  responses: { 200: jsonAnswer("Done.", Merge, answerExamples.decidedMerge), ...decisionProblems },
});

const rejectRoute = defineRoute({
  method: "post",
  path: "/merges/{id}/reject",
  operationId: "rejectMerge",
  tags: ["Duplicates and merges"],
  summary: "Reject a merge",
  description:
    "A supervisor other than the proposer refuses a pending merge with a reason; nothing changes on the accounts.",
  access: "supervisor",
  request: {
    params: MergeIdParam,
    ...jsonBody(DecisionRequest, { reason: "Different people: a parent and a grown child at the same address." }),
  },
  responses: { 200: jsonAnswer("Done.", Merge, answerExamples.rejectMerge), ...decisionProblems },
});

const undoRoute = defineRoute({
  method: "post",
  path: "/merges/{id}/undo",
  operationId: "undoMerge",
  tags: ["Duplicates and merges"],
  summary: "Undo a completed merge (within 30 days)",
  description: [
    "Puts back only what the merge itself changed, in one transaction; a refusal changes nothing.",
    "",
    "- **Merged accounts** come back to the status, lock and failed-login count they had before the merge (each is a `merge.undone` event with `from: merged` and `to`). Each must still be merged into the survivor.",
    "- **Addresses** the merge moved to the survivor go back to their accounts. If one was changed or removed since, the undo is refused and names it.",
    "- **The survivor**: an email or phone the merge filled in, and the latest activity it took over, go back to the survivor's own values, each only while it still holds what the merge set; a newer value is kept. Its status and lock, failed logins, temporary password and names were never the merge's and stay as they are now (an account locked or given a temporary password after the merge stays so).",
    "- One more `merge.undone` event on the survivor lists what was `restored`, the `movedBackAddressIds`, and the fields changed since the merge that were kept (`keptSinceMerge`).",
    "",
    "When nothing changed since the merge, every row is exactly as it was before it.",
  ].join("\n"),
  access: "supervisor",
  request: {
    params: MergeIdParam,
    ...jsonBody(DecisionRequest, { reason: "Merged by mistake: the second account belongs to the caller's sister." }),
  },
  responses: {
    200: jsonAnswer("Undone.", Merge, answerExamples.undoMerge),
    404: problemAnswer("No such merge (`not_found`)."),
    409: problemAnswer(
      "Not completed, older than 30 days, a merged account is no longer merged into the survivor, the survivor was merged or closed since, or an address the merge moved changed since (`conflict`; `detail` names what changed); the survivor is frozen on its owner's report until a supervisor lifts it (`invalid_transition`).",
    ),
  },
});

export const mergeRoutes = createRouter()
  .openapi(candidatesRoute, async (c) => {
    const { database, clock } = c.var.deps;
    return c.json(await duplicateCandidates(database.db, c.req.valid("param").id, clock.now()), 200);
  })
  .openapi(clustersRoute, async (c) => {
    const { database, clock } = c.var.deps;
    return c.json(await duplicateClusters(database.db, c.req.valid("query"), clock.now()), 200);
  })
  .openapi(proposeRoute, async (c) => {
    return c.json(await proposeMerge(staffScope(c, "agent"), c.req.valid("json")), 201);
  })
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const cursor = query.cursor ? mergeCursor.decode(query.cursor) : null;
    const page = await listMerges(
      c.var.deps.database.db,
      { status: query.status, limit: query.limit, after: cursor ? { at: cursor.t, id: cursor.i } : null },
      c.var.deps.clock.now(),
    );
    const last = page.items.at(-1);
    return c.json(
      {
        items: page.items,
        nextCursor: page.more && last ? mergeCursor.encode({ t: last.requestedAt, i: last.id }) : null,
      },
      200,
    );
  })
  .openapi(getRoute, async (c) => c.json(await getMerge(c.var.deps.database.db, c.req.valid("param").id), 200))
  .openapi(approveRoute, async (c) => {
    return c.json(await approveMerge(staffScope(c, "supervisor"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(rejectRoute, async (c) => {
    return c.json(await rejectMerge(staffScope(c, "supervisor"), c.req.valid("param").id, c.req.valid("json")), 200);
  })
  .openapi(undoRoute, async (c) => {
    return c.json(await undoMerge(staffScope(c, "supervisor"), c.req.valid("param").id, c.req.valid("json")), 200);
  });
