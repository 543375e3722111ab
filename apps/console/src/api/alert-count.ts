import { queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";
import { AlertPage } from "./contract.ts";

/** How often the console asks for the open alerts while a supervisor is signed in. */
export const ALERT_POLL_MS = 15_000;

/**
 * How many alerts are open, for the navigation's badge: the smallest page of open alerts carries
 * the count of all of them, asked again every 15 seconds while the window is in front. Its key is
 * under the alerts page's (`alertKeys.all` in alerts.ts), so acknowledging an alert refreshes the
 * badge too; it is written out here so that every page of a supervisor does not load the alerts
 * page's code and schemas.
 */
export function openAlertCountQuery() {
  return queryOptions({
    queryKey: ["alerts", "open-count"],
    queryFn: async ({ signal }) =>
      (await apiFetch(apiUrl("/alerts", { status: "open", limit: 1 }), { schema: AlertPage, signal })).open,
    refetchInterval: ALERT_POLL_MS,
  });
}
