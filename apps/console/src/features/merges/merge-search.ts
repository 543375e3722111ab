import { MERGE_STATUSES } from "@recovery-desk/shared";
import { z } from "zod";

/** Which merges the page lists (`/merges?status=completed`); none means the waiting ones, the supervisor's queue. */
export const MergesSearch = z.object({
  status: z.enum(MERGE_STATUSES).optional().catch(undefined),
});
export type MergesSearch = z.infer<typeof MergesSearch>;
