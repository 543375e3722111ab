import { ACCOUNT_STATUSES } from "@recovery-desk/shared";
import * as v from "valibot";
import { searchText, searchValue } from "../../app/search-params.ts";

/**
 * What the agent searched for, kept in the URL (`/accounts?q=62701&status=locked`) so the back
 * button, a reload or a shared link shows the same results.
 */
export const AccountSearchSearch = v.object({
  q: searchText(200),
  status: searchValue(v.picklist(ACCOUNT_STATUSES)),
});
export type AccountSearchSearch = v.InferOutput<typeof AccountSearchSearch>;
