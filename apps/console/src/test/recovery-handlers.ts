import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { HttpResponse, type HttpResponseResolver, http } from "msw";
import { fakeApi, findAccount } from "./fake-api.ts";
import { timelinePage } from "./fake-audit.ts";
import { presentFakePolicy } from "./fake-policy.ts";
import { type RecoveryAction, recoveryAction } from "./fake-recovery.ts";
import { apiPath, problem, requireJson, unauthenticated } from "./http.ts";

const ACTIONS: RecoveryAction[] = ["unlock", "reactivate", "temporary-password", "username-reminder"];

/**
 * What the fake API does for one recovery action. Exported so a test can wrap it, e.g. act and then
 * drop the connection before the answer arrives.
 */
export function recoveryResolver(action: RecoveryAction): HttpResponseResolver<{ id: string }> {
  return async ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const refused = requireJson(request);
    if (refused) return refused;
    const body = (await request.json()) as Parameters<typeof recoveryAction>[3];
    const key = request.headers.get("Idempotency-Key");
    const result = recoveryAction(fakeApi.session, String(params.id), action, body, key);
    const headers: Record<string, string> = result.replayed ? { "Idempotency-Replayed": "true" } : {};
    if ("body" in result) return HttpResponse.json(result.body, { status: result.status, headers });
    const { status, code, detail, required, evidence } = result;
    return problem(status, code, detail, required ? { required, evidence } : {});
  };
}

/** Recovery actions and the account timeline, as msw handlers over the fake API. */
export const recoveryHandlers = [
  ...ACTIONS.map((action) => http.post(apiPath(`/accounts/:id/${action}`), recoveryResolver(action))),

  http.get(apiPath("/policy"), () => {
    if (!fakeApi.session) return unauthenticated();
    return HttpResponse.json(presentFakePolicy());
  }),

  http.get(apiPath("/accounts/:id/timeline"), ({ request, params }) => {
    if (!fakeApi.session) return unauthenticated();
    const id = String(params.id);
    if (!findAccount(id)) return problem(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
    return HttpResponse.json(timelinePage(id, new URL(request.url).searchParams));
  }),
];
