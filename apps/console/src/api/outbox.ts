import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";
import { OutboxPage } from "./contract.ts";
import { isApiProblem } from "./problem.ts";

/** How many of the newest messages the outbox page shows. */
export const OUTBOX_PAGE_SIZE = 50;

/** The outbox page refreshes this often while it is open, so a new code shows up by itself. */
export const OUTBOX_REFRESH_MS = 5_000;

export const outboxKeys = {
  all: ["outbox"] as const,
  list: () => [...outboxKeys.all, "list"] as const,
  available: () => [...outboxKeys.all, "available"] as const,
};

/** Demo only: the emails and text messages that would have been sent, newest first. */
export function outboxQuery() {
  return queryOptions({
    queryKey: outboxKeys.list(),
    queryFn: ({ signal }) =>
      apiFetch(apiUrl("/dev/outbox", { limit: OUTBOX_PAGE_SIZE }), { schema: OutboxPage, signal }),
    staleTime: 0,
  });
}

/** Whether this is a demo server with an outbox: true on 200, false on 404. Asked once per session. */
export function outboxAvailableQuery() {
  return queryOptions({
    queryKey: outboxKeys.available(),
    queryFn: async ({ signal }) => {
      try {
        await apiFetch(apiUrl("/dev/outbox", { limit: 1 }), { signal });
        return true;
      } catch (error) {
        if (isApiProblem(error) && error.code === "not_found") return false;
        throw error;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}
