import { z } from "zod";
import { AccountSummary } from "./accounts.ts";
import { Cursor, Id, Limit, page, Timestamp } from "./common.ts";
import { Reason } from "./recovery.ts";
import { CaseRef } from "./verification.ts";

export const DuplicateCandidate = z
  .object({
    account: AccountSummary,
    score: z.number().meta({ description: "0–1: how likely the accounts belong to one person." }),
    reasons: z.array(z.string()).meta({ example: ["same address", "same last name", "same first name"] }),
  })
  .meta({ id: "DuplicateCandidate" });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const Duplicates = z
  .object({
    addressKey: z.string().nullable().meta({ description: "The account's normalised home address." }),
    candidates: z.array(DuplicateCandidate),
  })
  .meta({ id: "Duplicates" });
export type Duplicates = z.infer<typeof Duplicates>;

export const DuplicateCluster = z
  .object({ addressKey: z.string(), size: z.number().int(), accounts: z.array(AccountSummary) })
  .meta({ id: "DuplicateCluster" });
export type DuplicateCluster = z.infer<typeof DuplicateCluster>;

export const DuplicateClusterPage = page(DuplicateCluster, "DuplicateClusterPage");
export type DuplicateClusterPage = z.infer<typeof DuplicateClusterPage>;

export const ClusterQuery = z.object({
  limit: Limit,
  // The cursor carries a whole address key, which has no length limit: it may be as long as a
  // request line the server reads (Node's 16 KiB of request head).
  cursor: z
    .string()
    .max(16_384)
    .optional()
    .meta({ description: "Opaque cursor from the previous page's `nextCursor`." }),
});

export const MERGE_STATUSES = ["pending_approval", "completed", "rejected", "undone"] as const;

export const Merge = z
  .object({
    id: Id,
    status: z.enum(MERGE_STATUSES),
    survivorId: Id,
    mergedIds: z.array(Id),
    reason: z.string(),
    caseRef: z.string().nullable(),
    requestedBy: z.string().meta({ description: "Username of the agent who proposed it." }),
    requestedAt: Timestamp,
    decidedBy: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
    decisionReason: z.string().nullable(),
    completedAt: Timestamp.nullable(),
    undoneBy: z.string().nullable(),
    undoneAt: Timestamp.nullable(),
    undoAvailableUntil: Timestamp.nullable().meta({
      description: "A completed merge can be undone until then (30 days).",
    }),
  })
  .meta({ id: "Merge" });
export type Merge = z.infer<typeof Merge>;

/** A merge as the list shows it: with its accounts as they are now, so the queue can name and compare them. */
export const ListedMerge = Merge.extend({
  survivor: AccountSummary,
  merged: z.array(AccountSummary).meta({ description: "The accounts of `mergedIds`, in that order." }),
}).meta({
  id: "ListedMerge",
  description: "A merge with the summaries of its accounts as they are now (contact data masked).",
});
export type ListedMerge = z.infer<typeof ListedMerge>;

export const MergePage = page(ListedMerge, "MergePage");
export type MergePage = z.infer<typeof MergePage>;

export const ProposeMergeRequest = z
  .object({
    survivorId: Id,
    mergedIds: z.array(Id).min(1).max(3),
    reason: Reason,
    caseRef: CaseRef.optional(),
  })
  .meta({ id: "ProposeMergeRequest" });
export type ProposeMergeRequest = z.infer<typeof ProposeMergeRequest>;

export const DecisionRequest = z.object({ reason: Reason }).meta({ id: "DecisionRequest" });
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const MergeQuery = z.object({
  status: z.enum(MERGE_STATUSES).optional().meta({ description: "Merges in this state only." }),
  limit: Limit,
  cursor: Cursor,
});

export const MergeIdParam = z.object({ id: Id.meta({ param: { name: "id", in: "path" } }) });
