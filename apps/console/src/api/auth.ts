import { type LoginRequest, type Staff, StaffEnvelope } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export const authKeys = {
  me: ["auth", "me"] as const,
};

/**
 * Who is signed in. A 401 rejects with ApiProblem `unauthenticated`; the sign-in guard turns that
 * into a trip to the sign-in page. Kept until sign-in or sign-out replaces it.
 */
export function meQuery() {
  return queryOptions({
    queryKey: authKeys.me,
    queryFn: async ({ signal }): Promise<Staff> =>
      (await apiFetch(apiUrl("/auth/me"), { schema: StaffEnvelope, signal })).staff,
    staleTime: Number.POSITIVE_INFINITY,
    meta: { sessionCheck: true },
  });
}

export async function login(credentials: LoginRequest): Promise<Staff> {
  const { staff } = await apiFetch(apiUrl("/auth/login"), {
    method: "POST",
    body: credentials,
    schema: StaffEnvelope,
  });
  return staff;
}

export async function logout(): Promise<void> {
  await apiFetch(apiUrl("/auth/logout"), { method: "POST", body: {} });
}
