import { PROBLEM_DETAILS, roleAtLeast } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import { fakeApi } from "./fake-api.ts";
import {
  decideMerge,
  duplicatesOf,
  fakeMerges,
  listDuplicateClusters,
  listMerges,
  proposeMerge,
} from "./fake-merges.ts";
import { apiPath, problem, requireJson, unauthenticated } from "./http.ts";

type Reply = ReturnType<typeof proposeMerge>;

const answer = (reply: Reply) =>
  "body" in reply
    ? HttpResponse.json(reply.body as object, { status: reply.status })
    : problem(
        reply.status,
        reply.code,
        reply.detail,
        reply.required ? { required: reply.required, evidence: reply.evidence } : {},
      );

/** Duplicate candidates and merges, as msw handlers over the fake API. */
export const mergeHandlers = [
  http.get(apiPath("/accounts/:id/duplicates"), ({ params }) => {
    if (!fakeApi.session) return unauthenticated();
    const found = duplicatesOf(String(params.id));
    return found ? HttpResponse.json(found) : problem(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
  }),

  http.get(apiPath("/duplicate-clusters"), ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    if (!roleAtLeast(fakeApi.session.role, "supervisor")) {
      return problem(403, "forbidden", PROBLEM_DETAILS.roleNeeded("supervisor"));
    }
    return HttpResponse.json(listDuplicateClusters(new URL(request.url).searchParams));
  }),

  http.get(apiPath("/merges"), ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    return HttpResponse.json(listMerges(new URL(request.url).searchParams));
  }),

  http.get(apiPath("/merges/:id"), ({ params }) => {
    if (!fakeApi.session) return unauthenticated();
    const merge = fakeMerges.merges.find((m) => m.id === params.id);
    return merge ? HttpResponse.json(merge) : problem(404, "not_found", PROBLEM_DETAILS.notFound("The merge"));
  }),

  http.post(apiPath("/merges"), async ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = (await request.json()) as Parameters<typeof proposeMerge>[1];
    return answer(proposeMerge(fakeApi.session, body, request.headers.get("Idempotency-Key")));
  }),

  ...(["approve", "reject", "undo"] as const).map((decision) =>
    http.post(apiPath(`/merges/:id/${decision}`), async ({ request, params }) => {
      if (!fakeApi.session) return unauthenticated();
      const refused = requireJson(request);
      if (refused) return refused;
      const body = (await request.json()) as { reason: string };
      const key = request.headers.get("Idempotency-Key");
      return answer(decideMerge(fakeApi.session, String(params.id), decision, body, key));
    }),
  ),
];
