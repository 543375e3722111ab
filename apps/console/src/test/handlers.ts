import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import { adminHandlers } from "./admin-handlers.ts";
import { alertHandlers } from "./alert-handlers.ts";
import { auditTrailHandlers } from "./audit-trail-handlers.ts";
import { checkPassword, fakeApi, findAccount, searchAccounts } from "./fake-api.ts";
import { appendEvent, staffActor } from "./fake-audit.ts";
import { reportRecovery } from "./fake-reports.ts";
import { accountAsSeenBy, openWindowOf } from "./fake-window.ts";
import { apiPath, problem, requireJson, setSessionHint, unauthenticated } from "./http.ts";
import { mergeHandlers } from "./merge-handlers.ts";
import { recoveryHandlers } from "./recovery-handlers.ts";
import { verificationHandlers } from "./verification-handlers.ts";

export { apiPath, problem };

export const handlers = [
  http.all(apiPath("/*"), () => {
    fakeApi.requestCount += 1;
  }),

  http.post(apiPath("/auth/login"), async ({ request }) => {
    const refused = requireJson(request);
    if (refused) return refused;
    const body = (await request.json()) as { username?: string; password?: string };
    if (body.username === "too.many") {
      return problem(429, "rate_limited", PROBLEM_DETAILS.tooManyFailedSignIns, { retryAfter: 300 });
    }
    const staff = checkPassword(body.username ?? "", body.password ?? "");
    if (!staff) return problem(401, "invalid_credentials", PROBLEM_DETAILS.wrongPassword);
    fakeApi.session = staff;
    return HttpResponse.json({ staff });
  }),

  http.post(apiPath("/auth/logout"), ({ request }) => {
    const refused = requireJson(request);
    if (refused) return refused;
    if (!fakeApi.session) return unauthenticated();
    fakeApi.session = null;
    setSessionHint(false);
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
    if (!account) return problem(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
    // Every unmasked view is audited, as the real API does.
    const open = openWindowOf(fakeApi.session, account.id);
    if (open) {
      appendEvent({
        action: "account.viewed_unmasked",
        accountId: account.id,
        actor: staffActor(fakeApi.session),
        caseRef: open.caseRef,
        details: { verificationId: open.id },
      });
    }
    return HttpResponse.json(accountAsSeenBy(account, fakeApi.session));
  }),

  // The owner's report from the public page: no session needed.
  http.post(apiPath("/reports"), async ({ request }) => {
    const refused = requireJson(request);
    if (refused) return refused;
    const result = reportRecovery((await request.json().catch(() => ({}))) as Record<string, unknown>);
    if ("body" in result) return HttpResponse.json(result.body, { status: result.status });
    const { status, code, detail, retryAfter } = result;
    return problem(status, code, detail, retryAfter === undefined ? {} : { retryAfter });
  }),

  ...verificationHandlers,
  ...recoveryHandlers,
  ...adminHandlers,
  ...auditTrailHandlers,
  ...mergeHandlers,
  ...alertHandlers,
];
