import { type AuditAction, ChainCheck, ChainState, ListedAuditEventPage } from "@recovery-desk/shared";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { apiFetch, apiUrl } from "./client.ts";

/** How many events one page of the audit trail holds; the table asks for the next as its end scrolls into view. */
export const AUDIT_PAGE_SIZE = 100;

/**
 * What a supervisor narrowed the trail to. Times are ISO 8601 in UTC; `to` is exclusive, as in the API.
 * `account` and `actor` take a username or an id; `accountId` and `actorId` (older links) an id only.
 */
export type AuditFilters = {
  account?: string | undefined;
  accountId?: string | undefined;
  actor?: string | undefined;
  actorId?: string | undefined;
  action?: AuditAction | undefined;
  caseRef?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
};

/** The same filters in a fixed order with nothing left undefined, so equal filters give equal query keys. */
function normalise(filters: AuditFilters) {
  return {
    account: filters.account ?? null,
    accountId: filters.accountId ?? null,
    actor: filters.actor ?? null,
    actorId: filters.actorId ?? null,
    action: filters.action ?? null,
    caseRef: filters.caseRef ?? null,
    from: filters.from ?? null,
    to: filters.to ?? null,
    q: filters.q ?? null,
  };
}

/** The filters as query parameters for the list and the export. */
export function filterParams(filters: AuditFilters): Record<string, string | undefined> {
  const { account, accountId, actor, actorId, action, caseRef, from, to, q } = filters;
  return { account, accountId, actor, actorId, action, caseRef, from, to, q };
}

export const auditKeys = {
  all: ["audit"] as const,
  events: (filters: AuditFilters) => [...auditKeys.all, "events", normalise(filters)] as const,
  state: () => [...auditKeys.all, "state"] as const,
  eventBySeq: (seq: number) => [...auditKeys.all, "event", seq] as const,
};

/** The trail, newest first, page by page with the API's keyset cursor. */
export function auditEventsQuery(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: auditKeys.events(filters),
    queryFn: ({ pageParam, signal }) =>
      apiFetch(apiUrl("/audit-events", { ...filterParams(filters), limit: AUDIT_PAGE_SIZE, cursor: pageParam }), {
        schema: ListedAuditEventPage,
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** The chain's head, the last check and the last checkpoint. */
export function chainStateQuery() {
  return queryOptions({
    queryKey: auditKeys.state(),
    queryFn: ({ signal }) => apiFetch(apiUrl("/audit/state"), { schema: ChainState, signal }),
  });
}

/** Recomputes the chain over one range of sequence numbers; the API records every check. */
export function verifyChainRange(range: { fromSeq: number; toSeq?: number }, signal?: AbortSignal) {
  return apiFetch(apiUrl("/audit/verify", { fromSeq: range.fromSeq, toSeq: range.toSeq }), {
    schema: ChainCheck,
    ...(signal ? { signal } : {}),
  });
}

/** One page of the whole trail before `to` (exclusive; the newest when left out), newest first: how an event is found by its time. */
export function eventsBefore(to: string | undefined, limit: number, signal?: AbortSignal) {
  return apiFetch(apiUrl("/audit-events", { to, limit }), {
    schema: ListedAuditEventPage,
    ...(signal ? { signal } : {}),
  });
}
