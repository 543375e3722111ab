import { type DecisionRequest, Duplicates, Merge, MergePage, type ProposeMergeRequest } from "@recovery-desk/shared";
import { queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { apiFetch, apiUrl } from "./client.ts";

export type MergeStatus = Merge["status"];

/** How many merges one page of the review list holds. */
export const MERGE_PAGE_SIZE = 50;

export const mergeKeys = {
  all: ["merges"] as const,
  list: (status: MergeStatus) => [...mergeKeys.all, "list", status] as const,
};

/** Under the account's own key, so reloading the account reloads its candidates too. */
export const duplicateKeys = {
  of: (accountId: string) => [...accountKeys.detail(accountId), "duplicates"] as const,
};

/** Other accounts at the same normalised address, best match first. */
export function duplicatesQuery(accountId: string) {
  return queryOptions({
    queryKey: duplicateKeys.of(accountId),
    queryFn: ({ signal }) =>
      apiFetch(apiUrl(`/accounts/${encodeURIComponent(accountId)}/duplicates`), { schema: Duplicates, signal }),
  });
}

/** Merges in one state, newest first (one page; the review queue is short). */
export function mergesQuery(status: MergeStatus) {
  return queryOptions({
    queryKey: mergeKeys.list(status),
    queryFn: ({ signal }) =>
      apiFetch(apiUrl("/merges", { status, limit: MERGE_PAGE_SIZE }), { schema: MergePage, signal }),
  });
}

const idempotent = (key: string) => ({ "Idempotency-Key": key });

/** Proposes a merge; it waits for a supervisor other than the proposer. */
export function proposeMerge(request: ProposeMergeRequest, key: string) {
  return apiFetch(apiUrl("/merges"), { method: "POST", body: request, headers: idempotent(key), schema: Merge });
}

export type MergeDecision = "approve" | "reject" | "undo";

/** Approves, rejects or undoes a merge; answers with the merge as it is now. */
export function decideMerge(mergeId: string, decision: MergeDecision, request: DecisionRequest, key: string) {
  return apiFetch(apiUrl(`/merges/${encodeURIComponent(mergeId)}/${decision}`), {
    method: "POST",
    body: request,
    headers: idempotent(key),
    schema: Merge,
  });
}
