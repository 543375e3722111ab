import type { MergeStatus } from "../../api/merges.ts";

export const MERGE_STATUS_TABS: { status: MergeStatus; label: string }[] = [
  { status: "pending_approval", label: "Waiting for approval" },
  { status: "completed", label: "Completed" },
  { status: "rejected", label: "Rejected" },
  { status: "undone", label: "Undone" },
];

export const PROPOSER_CANNOT_DECIDE = "You proposed this merge";

export const UNDO_OUTCOME = "Both accounts go back exactly as they were before the merge.";

export type Decision = "approve" | "reject" | "undo";

export const DECISION_WORDS: Record<Decision, { label: string; question: string; outcome: string; done: string }> = {
  approve: {
    label: "Approve",
    question: "Approve this merge?",
    outcome: "The merged accounts' addresses, contact history and activity move to the surviving account.",
    done: "Merge approved and completed.",
  },
  reject: {
    label: "Reject",
    question: "Reject this merge?",
    outcome: "Nothing changes on the accounts; the proposer sees your reason.",
    done: "Merge rejected.",
  },
  undo: { label: "Undo", question: "Undo this merge?", outcome: UNDO_OUTCOME, done: "Merge undone." },
};
