import type { LoginRequest, Staff } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";
import { loadContract } from "./contract.ts";
import { StaffEnvelopeCheck } from "./early-checks.ts";
import { ApiProblem } from "./problem.ts";
import { browserHasSession } from "./session-hint.ts";

export const authKeys = {
  me: ["auth", "me"] as const,
};

/**
 * Who is signed in. A 401 rejects with ApiProblem `unauthenticated`; the sign-in guard turns that
 * into a trip to the sign-in page. Kept until sign-in or sign-out replaces it. Without the API's
 * signed-in hint cookie the browser has no session, so the answer is known without asking: the same
 * `unauthenticated`, and no refused request in the browser's console on a first visit.
 */
export function meQuery() {
  return queryOptions({
    queryKey: authKeys.me,
    queryFn: async ({ signal }): Promise<Staff> => {
      if (!browserHasSession()) {
        throw new ApiProblem({ status: 401, code: "unauthenticated", detail: "Nobody is signed in in this browser." });
      }
      return (await apiFetch(apiUrl("/auth/me"), { schema: StaffEnvelopeCheck, signal })).staff;
    },
    staleTime: Number.POSITIVE_INFINITY,
    meta: { sessionCheck: true },
  });
}

export async function login(credentials: LoginRequest): Promise<Staff> {
  const { staff } = await apiFetch(apiUrl("/auth/login"), {
    method: "POST",
    body: credentials,
    schema: StaffEnvelopeCheck,
  });
  return staff;
}

export async function logout(): Promise<void> {
  await apiFetch(apiUrl("/auth/logout"), { method: "POST", body: {} });
}

/**
 * The sign-in form's values as the contract's LoginRequest reads them (trimmed username), or null when
 * they break its limits. The contract loads on first use; it fails with ApiProblem `network_error`.
 */
export async function readLoginRequest(values: { username: string; password: string }): Promise<LoginRequest | null> {
  const { LoginRequest } = await loadContract();
  const parsed = LoginRequest.safeParse(values);
  return parsed.success ? parsed.data : null;
}
