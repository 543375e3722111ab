import { CreatedWebhook, type CreateWebhookRequest, WebhookDeliveryPage, WebhookList } from "@recovery-desk/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  deliveries: (id: string) => [...webhookKeys.all, "deliveries", id] as const,
};

/** Every webhook, newest first, with its pending and failed deliveries; never a secret. Admins only. */
export function webhooksQuery() {
  return queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: async ({ signal }) => (await apiFetch(apiUrl("/webhooks"), { schema: WebhookList, signal })).items,
  });
}

/** How many deliveries one page holds; "Show older deliveries" asks for the next. */
export const DELIVERIES_PAGE_SIZE = 20;

/** A webhook's deliveries, newest first, each with its attempts. */
export function webhookDeliveriesQuery(id: string) {
  return infiniteQueryOptions({
    queryKey: webhookKeys.deliveries(id),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(
        apiUrl(`/webhooks/${encodeURIComponent(id)}/deliveries`, { limit: DELIVERIES_PAGE_SIZE, cursor: pageParam }),
        { schema: WebhookDeliveryPage, signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/**
 * Adds a webhook; the answer is the only place its signing secret ever appears. No Idempotency-Key
 * on purpose: the API would keep the answer, secret and all, to replay it.
 */
export function createWebhook(request: CreateWebhookRequest) {
  return apiFetch(apiUrl("/webhooks"), { method: "POST", body: request, schema: CreatedWebhook });
}

/** Deletes a webhook with its queued deliveries: nothing more is sent to it. */
export function deleteWebhook(id: string, idempotencyKey: string) {
  return apiFetch(apiUrl(`/webhooks/${encodeURIComponent(id)}`), {
    method: "DELETE",
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
