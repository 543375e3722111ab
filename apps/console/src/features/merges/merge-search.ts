import type { Merge } from "@recovery-desk/shared";

type MergeStatus = Merge["status"];

/**
 * Every merge status, checked by the compiler against the contract. Written out here because the
 * contract's list sits beside its schemas, which this check (loaded with the first page) must not pull in.
 */
const MERGE_STATUS: Record<MergeStatus, true> = {
  pending_approval: true,
  completed: true,
  rejected: true,
  undone: true,
};

export type MergesSearch = { status?: MergeStatus | undefined; view?: "clusters" | undefined };

/**
 * Which merges the page lists (`/merges?status=completed`); none means the waiting ones, the supervisor's queue.
 * `view=clusters` shows the duplicate clusters instead (`/merges?view=clusters`). A value that cannot
 * be read is dropped: its key stays, with nothing in it, so the router does not keep the raw value.
 * A plain function rather than a schema: every page's URL check loads with the first page, and the
 * schema library is too big for that.
 */
export function MergesSearch(search: Record<string, unknown>): MergesSearch {
  const result: MergesSearch = {};
  if ("status" in search) {
    const { status } = search;
    result.status =
      typeof status === "string" && Object.hasOwn(MERGE_STATUS, status) ? (status as MergeStatus) : undefined;
  }
  if ("view" in search) result.view = search.view === "clusters" ? "clusters" : undefined;
  return result;
}
