import {
  type DecisionRequest,
  DuplicateClusterPage,
  Duplicates,
  Merge,
  MergePage,
  type ProposeMergeRequest,
} from "@recovery-desk/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { accountKeys } from "./accounts.ts";
import { apiFetch, apiUrl } from "./client.ts";

export type MergeStatus = Merge["status"];

/** How many merges one page of the review list holds. */
export const MERGE_PAGE_SIZE = 50;

/** How many duplicate clusters one page holds. */
export const CLUSTER_PAGE_SIZE = 20;

export const mergeKeys = {
  all: ["merges"] as const,
  list: (status: MergeStatus) => [...mergeKeys.all, "list", status] as const,
  /** Under the merges key, so a decided merge reloads the clusters too. */
  clusters: () => [...mergeKeys.all, "duplicate-clusters"] as const,
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

/** Accounts grouped by normalised address, largest cluster first, page by page ("Load more" asks for the next cursor). */
export function duplicateClustersQuery() {
  return infiniteQueryOptions({
    queryKey: mergeKeys.clusters(),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiUrl("/duplicate-clusters", { limit: CLUSTER_PAGE_SIZE, cursor: pageParam }), {
        schema: DuplicateClusterPage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
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
