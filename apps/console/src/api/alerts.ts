import { type AcknowledgeAlertRequest, Alert, AlertPage } from "@recovery-desk/shared";
import { infiniteQueryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

export type AlertStatus = Alert["status"];

/** How many alerts one page of the list holds. */
export const ALERT_PAGE_SIZE = 50;

/** The navigation's open count (alert-count.ts) sits under `all` too. */
export const alertKeys = {
  all: ["alerts"] as const,
  list: (status: AlertStatus) => [...alertKeys.all, "list", status] as const,
};

/** Alerts in one state, newest first, page by page; asked again every 15 seconds, as the navigation's count. */
export function alertsQuery(status: AlertStatus) {
  return infiniteQueryOptions({
    queryKey: alertKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiUrl("/alerts", { status, limit: ALERT_PAGE_SIZE, cursor: pageParam }), { schema: AlertPage, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
}

/** Acknowledges an open alert with the supervisor's note; answers with the alert as it is now. */
export function acknowledgeAlert(alertId: string, request: AcknowledgeAlertRequest) {
  return apiFetch(apiUrl(`/alerts/${encodeURIComponent(alertId)}/acknowledge`), {
    method: "POST",
    body: request,
    schema: Alert,
  });
}
