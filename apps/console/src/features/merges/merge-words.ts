import type { MergeStatus } from "../../api/merges.ts";

export const MERGE_STATUS_TABS: { status: MergeStatus; label: string }[] = [
  { status: "pending_approval", label: "Waiting for approval" },
  { status: "completed", label: "Completed" },
  { status: "rejected", label: "Rejected" },
  { status: "undone", label: "Undone" },
];

export const PROPOSER_CANNOT_DECIDE = "You proposed this merge";

export const UNDO_OUTCOME =
  "The merged accounts come back as they were, with what the merge moved to the surviving account. Changes made to the surviving account since the merge, such as a lock or a temporary password, stay.";

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

/**
 * The reason the Approve and Undo dialogs start with, as the agents' action dialogs do: true of every
 * such decision, kept in the audit trail, and one keystroke away from the supervisor's own words.
 * A rejection starts empty: the proposer reads its reason, so it says what was wrong.
 */
export const SUGGESTED_DECISION_REASONS: Record<Exclude<Decision, "reject">, string> = {
  approve: "Compared the accounts side by side: the same customer, so they become one account.",
  undo: "Merge undone after review: the accounts are to be kept apart again.",
};

export function suggestedDecisionReason(decision: Decision): string {
  return decision === "reject" ? "" : SUGGESTED_DECISION_REASONS[decision];
}
