import { HttpResponse, http } from "msw";
import { acknowledgeFakeAlert, listAlerts } from "./fake-alerts.ts";
import { fakeApi } from "./fake-api.ts";
import type { FakeReply } from "./fake-verification-state.ts";
import { apiPath, problem, requireJson, unauthenticated } from "./http.ts";

const answer = (reply: FakeReply) =>
  "body" in reply
    ? HttpResponse.json(reply.body, { status: reply.status })
    : problem(reply.status, reply.code, reply.detail);

/** Supervisor alerts, as msw handlers over the fake API. */
export const alertHandlers = [
  http.get(apiPath("/alerts"), ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    return answer(listAlerts(fakeApi.session, new URL(request.url).searchParams));
  }),

  http.post(apiPath("/alerts/:id/acknowledge"), async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = (await request.json().catch(() => ({}))) as { note?: unknown };
    return answer(acknowledgeFakeAlert(fakeApi.session, String(params.id), body));
  }),
];
