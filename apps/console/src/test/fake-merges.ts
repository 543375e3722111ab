/**
 * The duplicates and merges part of the fake API, following the real one's rules: a proposal needs
 * the agent's open verified window for the survivor, a supervisor other than the proposer decides,
 * approval marks the others `merged`, undo within 30 days puts every account back exactly as it was,
 * and an Idempotency-Key replays the first answer.
 */
import {
  type AccountDetail,
  type DuplicateCluster,
  type Evidence,
  type Merge,
  type MergePage,
  type PolicyLevel,
  PROBLEM_DETAILS,
  roleAtLeast,
  type Staff,
} from "@recovery-desk/shared";
import { UNDECIDED } from "@recovery-desk/shared/samples";
import { fakeAccounts } from "./fake-accounts.ts";
import { findAccount } from "./fake-api.ts";
import { evidenceRefusal } from "./fake-policy.ts";
import { openWindowOf } from "./fake-window.ts";
import { accounts, ana, anaDuplicate, toSummary } from "./fixtures.ts";

type Reply =
  | { status: number; body: unknown }
  | { status: number; code: FakeCode; detail: string; required?: PolicyLevel; evidence?: Evidence[] };
type FakeCode =
  | "verification_required"
  | "verification_insufficient"
  | "invalid_transition"
  | "conflict"
  | "forbidden"
  | "not_found";

const DAY_MS = 24 * 60 * 60 * 1000;
const UNDO_DAYS_MS = 30 * DAY_MS;

export const fakeMerges = {
  merges: [] as Merge[],
  /** How each account's test changes stood before an approved merge, for undo. */
  snapshots: new Map<string, Map<string, Partial<AccountDetail> | undefined>>(),
  /** The Idempotency-Key of every state-changing merge request, in order. */
  keys: [] as Array<string | null>,
  answers: new Map<string, Reply>(),
  /** Clusters a test adds on top of those the fixture accounts make, e.g. to fill more than one page. */
  extraClusters: [] as DuplicateCluster[],
  /** Every `cursor` the clusters list was asked for, in order (null for the first page). */
  clusterCursors: [] as Array<string | null>,
};

export function resetFakeMerges(): void {
  fakeMerges.merges = [];
  fakeMerges.snapshots.clear();
  fakeMerges.keys = [];
  fakeMerges.answers.clear();
  fakeMerges.extraClusters = [];
  fakeMerges.clusterCursors = [];
}

const refuse = (status: number, code: FakeCode, detail: string): Reply => ({ status, code, detail });

/** The fake's address key: ZIP and last name stand in for the normalised street. */
const addressKey = (a: AccountDetail) => (a.zip5 ? `${a.zip5}|${a.displayName.split(" ")[1] ?? ""}` : null);

function candidateReasons(of: AccountDetail, other: AccountDetail): string[] {
  const reasons = ["same address", "same last name"];
  const first = (a: AccountDetail) => a.displayName.split(" ")[0];
  if (first(of) === first(other)) reasons.push("same first name");
  if (of.phoneMasked && of.phoneMasked === other.phoneMasked) reasons.push("same phone");
  if (of.emailMasked && of.emailMasked === other.emailMasked) reasons.push("same email");
  return reasons;
}

export function duplicatesOf(accountId: string) {
  const account = findAccount(accountId);
  if (!account) return null;
  const key = addressKey(account);
  const candidates = accounts
    .map((a) => findAccount(a.id) as AccountDetail)
    .filter((a) => a.id !== account.id && a.status === "active" && key !== null && addressKey(a) === key)
    .map((other) => {
      const reasons = candidateReasons(account, other);
      return { account: toSummary(other), score: Math.min(1, 0.35 + 0.15 * reasons.length), reasons };
    })
    .sort((a, b) => b.score - a.score);
  return { addressKey: key, candidates };
}

/** A merge made earlier in the test, e.g. one Ava proposed that waits for Sam. */
export function seedMerge(init: Partial<Merge> & Pick<Merge, "survivorId" | "mergedIds">): Merge {
  const merge: Merge = {
    id: `mrg_${fakeMerges.merges.length + 1}`,
    ...UNDECIDED,
    reason: "Caller has two accounts at one address",
    caseRef: "CASE-1",
    requestedBy: "ava.agent",
    requestedAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
    ...init,
  };
  fakeMerges.merges.push(merge);
  if (merge.status === "completed") applyMerge(merge);
  return merge;
}

/**
 * Ana Silva's duplicate merged into her account by another supervisor `daysAgo` days ago (one by
 * default), with the 30 days to undo it counted from then.
 */
export function seedCompletedMerge({ daysAgo = 1, ...init }: Partial<Merge> & { daysAgo?: number } = {}): Merge {
  const completedAt = new Date(Date.now() - daysAgo * DAY_MS);
  return seedMerge({
    survivorId: ana.id,
    mergedIds: [anaDuplicate.id],
    status: "completed",
    decidedBy: "other.supervisor",
    decidedAt: completedAt.toISOString(),
    completedAt: completedAt.toISOString(),
    undoAvailableUntil: new Date(completedAt.getTime() + UNDO_DAYS_MS).toISOString(),
    ...init,
  });
}

function applyMerge(merge: Merge): void {
  const snapshot = new Map<string, Partial<AccountDetail> | undefined>();
  for (const id of [merge.survivorId, ...merge.mergedIds]) snapshot.set(id, fakeAccounts.changes.get(id));
  fakeMerges.snapshots.set(merge.id, snapshot);
  for (const id of merge.mergedIds) {
    fakeAccounts.changes.set(id, { ...fakeAccounts.changes.get(id), status: "merged", mergedInto: merge.survivorId });
  }
}

function undoMerge(merge: Merge): void {
  for (const [id, before] of fakeMerges.snapshots.get(merge.id) ?? []) {
    if (before) fakeAccounts.changes.set(id, before);
    else fakeAccounts.changes.delete(id);
  }
}

function once(key: string | null, act: () => Reply): Reply {
  fakeMerges.keys.push(key);
  const first = key ? fakeMerges.answers.get(key) : undefined;
  if (first) return first;
  const reply = act();
  if (key) fakeMerges.answers.set(key, reply);
  return reply;
}

type ProposeBody = { survivorId: string; mergedIds: string[]; reason: string; caseRef?: string };

export function proposeMerge(staff: Staff, body: ProposeBody, key: string | null): Reply {
  return once(key, () => {
    const survivor = findAccount(body.survivorId);
    if (!survivor) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
    const window = openWindowOf(staff, survivor.id);
    if (!window) return refuse(403, "verification_required", PROBLEM_DETAILS.verifyFirst);
    const short = evidenceRefusal("merge", window.evidence);
    if (short && "code" in short) return { ...short, code: "verification_insufficient" };
    const candidates = new Set(duplicatesOf(survivor.id)?.candidates.map((c) => c.account.id));
    if (body.mergedIds.some((id) => !candidates.has(id))) {
      return refuse(409, "invalid_transition", "An account is not at this address or is no longer active.");
    }
    const busy = fakeMerges.merges.some(
      (m) =>
        m.status === "pending_approval" &&
        [m.survivorId, ...m.mergedIds].some((id) => id === survivor.id || body.mergedIds.includes(id)),
    );
    if (busy) return refuse(409, "conflict", PROBLEM_DETAILS.inPendingMerge);
    const merge = seedMerge({
      survivorId: survivor.id,
      mergedIds: body.mergedIds,
      reason: body.reason,
      caseRef: body.caseRef ?? null,
      requestedBy: staff.username,
      requestedAt: new Date(Date.now()).toISOString(),
    });
    return { status: 201, body: merge };
  });
}

export function decideMerge(
  staff: Staff,
  id: string,
  decision: "approve" | "reject" | "undo",
  body: { reason: string },
  key: string | null,
): Reply {
  return once(key, () => {
    if (!roleAtLeast(staff.role, "supervisor"))
      return refuse(403, "forbidden", PROBLEM_DETAILS.roleNeeded("supervisor"));
    const index = fakeMerges.merges.findIndex((m) => m.id === id);
    const merge = fakeMerges.merges[index];
    if (!merge) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The merge"));
    const now = Date.now();
    const at = new Date(now).toISOString();
    let next: Merge;
    if (decision === "undo") {
      if (merge.status !== "completed" || !merge.undoAvailableUntil || Date.parse(merge.undoAvailableUntil) < now) {
        return refuse(409, "invalid_transition", PROBLEM_DETAILS.undoOnlyCompleted(merge.status));
      }
      undoMerge(merge);
      next = { ...merge, status: "undone", undoneBy: staff.username, undoneAt: at };
    } else {
      if (merge.requestedBy === staff.username) {
        return refuse(403, "forbidden", PROBLEM_DETAILS.ownMergeProposal);
      }
      if (merge.status !== "pending_approval")
        return refuse(409, "invalid_transition", PROBLEM_DETAILS.mergeAlready(merge.status));
      const decided = { decidedBy: staff.username, decidedAt: at, decisionReason: body.reason };
      next =
        decision === "approve"
          ? {
              ...merge,
              ...decided,
              status: "completed",
              completedAt: at,
              undoAvailableUntil: new Date(now + UNDO_DAYS_MS).toISOString(),
            }
          : { ...merge, ...decided, status: "rejected" };
      if (decision === "approve") applyMerge(next);
    }
    fakeMerges.merges[index] = next;
    return { status: 200, body: next };
  });
}

/** Merges newest first, each with its accounts' summaries as they are now, as the real list answers. */
export function listMerges(params: URLSearchParams): MergePage {
  const status = params.get("status");
  const summary = (id: string) => toSummary(findAccount(id) as AccountDetail);
  const items = fakeMerges.merges
    .filter((m) => !status || m.status === status)
    .reverse()
    .map((merge) => ({ ...merge, survivor: summary(merge.survivorId), merged: merge.mergedIds.map(summary) }));
  return { items, nextCursor: null };
}

/** Accounts that share an address key, two or more to a cluster, largest first (then by key). */
export function listDuplicateClusters(params: URLSearchParams) {
  const limit = Number(params.get("limit") ?? 50);
  const cursor = params.get("cursor");
  fakeMerges.clusterCursors.push(cursor);
  const offset = Number(cursor ?? 0);
  const byKey = new Map<string, AccountDetail[]>();
  for (const fixture of accounts) {
    const account = findAccount(fixture.id) as AccountDetail;
    const key = addressKey(account);
    if (key === null || account.status === "merged") continue;
    byKey.set(key, [...(byKey.get(key) ?? []), account]);
  }
  const clusters: DuplicateCluster[] = [...byKey]
    .filter(([, members]) => members.length > 1)
    .map(([key, members]) => ({ addressKey: key, size: members.length, accounts: members.map(toSummary) }));
  const all = [...clusters, ...fakeMerges.extraClusters].sort(
    (a, b) => b.size - a.size || a.addressKey.localeCompare(b.addressKey),
  );
  const items = all.slice(offset, offset + limit);
  const nextCursor = offset + limit < all.length ? String(offset + limit) : null;
  return { items, nextCursor };
}
