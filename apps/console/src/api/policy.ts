import { Policy } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

/** The evidence each recovery action needs, as the API's policy sets it; it changes only with the server's settings. */
export const policyQuery = queryOptions({
  queryKey: ["policy"] as const,
  queryFn: ({ signal }) => apiFetch(apiUrl("/policy"), { schema: Policy, signal }),
  staleTime: Number.POSITIVE_INFINITY,
});
