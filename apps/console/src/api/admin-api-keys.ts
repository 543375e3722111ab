import { ApiKeyList, type CreateApiKeyRequest, CreatedApiKey } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export const apiKeyKeys = {
  all: ["api-keys"] as const,
  list: () => [...apiKeyKeys.all, "list"] as const,
};

/** Every API key, newest first, without the keys themselves (the prefix tells them apart). Admins only. */
export function apiKeysQuery() {
  return queryOptions({
    queryKey: apiKeyKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch(apiUrl("/api-keys"), { schema: ApiKeyList, signal })).items,
  });
}

/**
 * Creates a key. The answer is the only place the key itself ever appears; the caller keeps it out
 * of every cache. No Idempotency-Key on purpose: the API keeps a replayable answer for 24 hours,
 * and this answer is a secret.
 */
export function createApiKey(request: CreateApiKeyRequest) {
  return apiFetch(apiUrl("/api-keys"), { method: "POST", body: request, schema: CreatedApiKey });
}

/** Revokes a key: services using it fail from their next request. A second revoke is a `conflict`. */
export function revokeApiKey(id: string, idempotencyKey: string) {
  return apiFetch(apiUrl(`/api-keys/${encodeURIComponent(id)}`), {
    method: "DELETE",
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
