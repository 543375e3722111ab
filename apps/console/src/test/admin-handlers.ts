import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { HttpResponse, http } from "msw";
import {
  type AdminReply,
  clearSignInLimit,
  createApiKey,
  createStaff,
  fakeAdmin,
  listStaff,
  revokeApiKey,
  runSweep,
  updateStaff,
} from "./fake-admin.ts";
import { fakeApi } from "./fake-api.ts";
import { apiPath, problem, requireJson, unauthenticated } from "./http.ts";

function reply(result: AdminReply) {
  if ("code" in result) {
    return problem(result.status, result.code, result.detail);
  }
  if (result.status === 204) return new HttpResponse(null, { status: 204 });
  return HttpResponse.json(result.body, { status: result.status });
}

/** Every administration route needs a session of the admin role, as in the real API. */
function requireAdmin() {
  if (!fakeApi.session) return { refused: unauthenticated() };
  if (fakeApi.session.role !== "admin") {
    return { refused: problem(403, "forbidden", PROBLEM_DETAILS.roleNeeded("admin")) };
  }
  return { admin: fakeApi.session };
}

/** Notes the Idempotency-Key of a state-changing call, so tests can see one was sent per action. */
function noteKey(request: Request) {
  fakeAdmin.idempotencyKeys.push(request.headers.get("idempotency-key"));
}

/** API keys, staff and the inactivity sweep, as msw handlers over the fake API. */
export const adminHandlers = [
  http.get(apiPath("/api-keys"), () => {
    const { refused } = requireAdmin();
    return refused ?? HttpResponse.json({ items: fakeAdmin.apiKeys });
  }),

  http.post(apiPath("/api-keys"), async ({ request }) => {
    const { refused, admin } = requireAdmin();
    if (!admin) return refused;
    const notJson = requireJson(request);
    if (notJson) return notJson;
    noteKey(request);
    return reply(createApiKey(admin, await request.json()));
  }),

  http.delete(apiPath("/api-keys/:id"), ({ request, params }) => {
    const { refused } = requireAdmin();
    if (refused) return refused;
    noteKey(request);
    return reply(revokeApiKey(String(params.id)));
  }),

  http.get(apiPath("/staff"), () => {
    const { refused } = requireAdmin();
    return refused ?? HttpResponse.json({ items: listStaff() });
  }),

  http.post(apiPath("/staff"), async ({ request }) => {
    const { refused } = requireAdmin();
    if (refused) return refused;
    const notJson = requireJson(request);
    if (notJson) return notJson;
    noteKey(request);
    return reply(createStaff(await request.json()));
  }),

  http.patch(apiPath("/staff/:id"), async ({ request, params }) => {
    const { refused, admin } = requireAdmin();
    if (!admin) return refused;
    const notJson = requireJson(request);
    if (notJson) return notJson;
    noteKey(request);
    return reply(updateStaff(admin, String(params.id), await request.json()));
  }),

  http.post(apiPath("/staff/:id/clear-sign-in-limit"), ({ request, params }) => {
    const { refused } = requireAdmin();
    if (refused) return refused;
    noteKey(request);
    return reply(clearSignInLimit(String(params.id)));
  }),

  http.post(apiPath("/admin/inactivity-sweep"), ({ request }) => {
    const { refused } = requireAdmin();
    if (refused) return refused;
    noteKey(request);
    return reply(runSweep());
  }),
];
