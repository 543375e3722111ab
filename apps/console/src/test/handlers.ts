import type { ErrorCode } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import { checkPassword, fakeApi, findAccount, searchAccounts } from "./fake-api.ts";

/** Where the console sends its calls in tests: jsdom's page origin plus the API prefix. */
export const apiPath = (path: string) => `${window.location.origin}/api/v1${path}`;

let requestSeq = 0;

/** An RFC 9457 problem answer, shaped like the real API's. */
export function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  extra: { retryAfter?: number; requestId?: string } = {},
) {
  const requestId = extra.requestId ?? `req_test_${++requestSeq}`;
  const headers: Record<string, string> = { "Content-Type": "application/problem+json", "X-Request-Id": requestId };
  if (extra.retryAfter !== undefined) headers["Retry-After"] = String(extra.retryAfter);
  return HttpResponse.json(
    { type: "about:blank", title: code, status, detail, code, requestId, ...extra },
    { status, headers },
  );
}

const unauthenticated = () => problem(401, "unauthenticated", "Sign in to continue.");

/** A state-changing call must say it is JSON, as the real API demands. */
function requireJson(request: Request) {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return problem(415, "unsupported_media_type", "Send application/json.");
  }
  return null;
}

export const handlers = [
  http.all(apiPath("/*"), () => {
    fakeApi.requestCount += 1;
  }),

  http.post(apiPath("/auth/login"), async ({ request }) => {
    const refused = requireJson(request);
    if (refused) return refused;
    const body = (await request.json()) as { username?: string; password?: string };
    if (body.username === "too.many") {
      return problem(429, "rate_limited", "Too many failed sign-ins.", { retryAfter: 300 });
    }
    const staff = checkPassword(body.username ?? "", body.password ?? "");
    if (!staff) return problem(401, "invalid_credentials", "Username or password is not right.");
    fakeApi.session = staff;
    return HttpResponse.json({ staff });
  }),

  http.post(apiPath("/auth/logout"), ({ request }) => {
    const refused = requireJson(request);
    if (refused) return refused;
    if (!fakeApi.session) return unauthenticated();
    fakeApi.session = null;
    return new HttpResponse(null, { status: 204 });
  }),

  http.get(apiPath("/auth/me"), () => {
    if (!fakeApi.session) return unauthenticated();
    return HttpResponse.json({ staff: fakeApi.session });
  }),

  http.get(apiPath("/accounts"), ({ request }) => {
    if (!fakeApi.session) return unauthenticated();
    return HttpResponse.json(searchAccounts(new URL(request.url).searchParams));
  }),

  http.get(apiPath("/accounts/:id"), ({ params }) => {
    if (!fakeApi.session) return unauthenticated();
    const account = findAccount(String(params.id));
    if (!account) return problem(404, "not_found", "No account with this id.");
    return HttpResponse.json(account);
  }),
];
