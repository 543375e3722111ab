import * as v from "valibot";
import type { AlertStatus } from "../../api/alerts.ts";
import { searchValue } from "../../app/search-params.ts";

/** Every alert status, checked by the compiler against the contract (whose list sits beside its schemas). */
const ALERT_STATUS: Record<AlertStatus, true> = { open: true, acknowledged: true };

/** Which alerts the page lists (`/alerts?status=acknowledged`); none means the open ones. */
export const AlertsSearch = v.object({
  status: searchValue(v.picklist(Object.keys(ALERT_STATUS) as AlertStatus[])),
});
export type AlertsSearch = v.InferOutput<typeof AlertsSearch>;
