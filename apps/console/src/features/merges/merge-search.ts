import type { Merge } from "@recovery-desk/shared";
import * as v from "valibot";
import { searchValue } from "../../app/search-params.ts";

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

/**
 * Which merges the page lists (`/merges?status=completed`); none means the waiting ones, the supervisor's queue.
 * `view=clusters` shows the duplicate clusters instead (`/merges?view=clusters`).
 */
export const MergesSearch = v.object({
  status: searchValue(v.picklist(Object.keys(MERGE_STATUS) as MergeStatus[])),
  view: searchValue(v.literal("clusters")),
});
export type MergesSearch = v.InferOutput<typeof MergesSearch>;
