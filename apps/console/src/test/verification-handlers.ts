import { HttpResponse, http } from "msw";
import { fakeApi } from "./fake-api.ts";
import {
  answerQuestions,
  checkCode,
  type FakeReply,
  fakeVerification,
  readVerification,
  resendCode,
  startVerification,
} from "./fake-verification.ts";
import { apiPath, problem, requireJson, unauthenticated } from "./http.ts";

/** Turns the fake API's answer into an HTTP response: JSON, or problem+json with its extension members. */
function reply(result: FakeReply) {
  if ("body" in result) return HttpResponse.json(result.body, { status: result.status });
  const { status, code, detail, ...extra } = result;
  return problem(status, code, detail, extra);
}

async function jsonBody<T>(request: Request): Promise<T> {
  return (await request.json()) as T;
}

/** Caller verification and the demo outbox, as msw handlers over the fake API. */
export const verificationHandlers = [
  http.post(apiPath("/accounts/:id/verifications"), async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = await jsonBody<Parameters<typeof startVerification>[2]>(request);
    return reply(startVerification(fakeApi.session, String(params.id), body));
  }),

  http.post(apiPath("/verifications/:id/answers"), async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = await jsonBody<{ answers: Array<{ questionId: string; answer: string }> }>(request);
    return reply(answerQuestions(fakeApi.session, String(params.id), body.answers));
  }),

  http.post(apiPath("/verifications/:id/code"), async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = await jsonBody<{ code: string }>(request);
    return reply(checkCode(fakeApi.session, String(params.id), body.code));
  }),

  http.post(apiPath("/verifications/:id/resend"), async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    return reply(resendCode(fakeApi.session, String(params.id)));
  }),

  http.get(apiPath("/verifications/:id"), ({ params }) => {
    if (!fakeApi.session) return unauthenticated();
    return reply(readVerification(fakeApi.session, String(params.id)));
  }),

  http.get(apiPath("/dev/outbox"), ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    const limit = Number(new URL(request.url).searchParams.get("limit") ?? 50);
    const items = [...fakeVerification.outbox].reverse().slice(0, limit);
    return HttpResponse.json({ items, nextCursor: null }, { headers: { "Cache-Control": "no-store" } });
  }),
];
