import { MERGE_STATUSES } from "@recovery-desk/shared";
import { z } from "zod";

/**
 * Which merges the page lists (`/merges?status=completed`); none means the waiting ones, the supervisor's queue.
 * `view=clusters` shows the duplicate clusters instead (`/merges?view=clusters`).
 */
export const MergesSearch = z.object({
  status: z.enum(MERGE_STATUSES).optional().catch(undefined),
  view: z.enum(["clusters"]).optional().catch(undefined),
});
export type MergesSearch = z.infer<typeof MergesSearch>;
