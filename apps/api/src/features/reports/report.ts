import {
  AUDIT_REASONS,
  type AuditAction,
  PROBLEM_DETAILS,
  type ReportReceipt,
  type ReportRequest,
  SYSTEM_ACTORS,
} from "@recovery-desk/shared";
import { and, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import type { AuditEventInput, RequestOrigin } from "../../audit/append.ts";
import { appendAuditEvents } from "../../audit/append.ts";
import type { Tx } from "../../db/client.ts";
import {
  type AccountRow,
  accounts,
  type MergeRow,
  merges,
  type ReportTokenRow,
  reportTokens,
  verifications,
} from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError } from "../../http/errors.ts";
import { HOUR } from "../../lib/clock.ts";
import { countHitWithin } from "../../lib/rate-limit.ts";
import { noticeDetails, queueReportConfirmation, reportTokenHash } from "../../notify/notices.ts";
import { raiseReportAlert } from "../alerts/raise.ts";
import { countedAddress } from "../auth/sign-in-limits.ts";
import { recordRejection } from "../merges/decide.ts";
import { lockAccountsInOrder, pendingMergeOf } from "../merges/lock.ts";
import { isFrozen } from "../recovery/frozen.ts";
import { changeAccount } from "../recovery/transition.ts";

/** Reports from one client address, by default: 10 an hour (`REPORT_MAX_PER_ADDRESS`, `REPORT_WINDOW_MINUTES`). */
export const DEFAULT_REPORT_LIMIT = { perAddress: 10, windowMs: HOUR };

/**
 * The counter of reports from one client address (an IPv6 address by its /64, as for sign-ins). It
 * counts every report, received or not, like the other request counters (`rate:…`).
 */
const reportAddressKey = (ip: string | null) => `rate:report:${ip ? countedAddress(ip) : "unknown"}`;

/** How many merges a report follows from a merged account to the account it lives on in. */
const MAX_MERGE_HOPS = 4;

/**
 * The owner's "this wasn't me", from the report link of a notice. In one transaction: the link is
 * marked used (so of two uses at once, one reports and the other finds it used), the account is
 * frozen (`locked`, `reported_by_owner`, until a supervisor lifts it), every open verified window
 * on it closes, a temporary password still pending stops working, pending merges involving it are
 * rejected, an `account.recovery_reported` event is recorded (its webhook follows from it), and a
 * confirmation is queued to the owner on the channel the link came by.
 *
 * Only links that do not work count against the client address's limit.
 *
 * A merged account: the account it was merged into is frozen, and the event recorded on both. A
 * closed account: the event is recorded, nothing frozen. An account already frozen: recorded, not
 * frozen twice. An unknown, used or expired link is the same 404 by the same single statement.
 */
export async function receiveReport(
  deps: AppDeps,
  input: ReportRequest,
  origin: RequestOrigin,
): Promise<ReportReceipt> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const received = await db.transaction(async (tx) => {
    const link = await claimLink(tx, input.token, now);
    if (!link) return false;
    await holdAccount(tx, link, { note: input.note || null, now, origin });
    return true;
  });
  if (received) {
    deps.noticesQueued?.();
    return { status: "received" };
  }
  // Only links that do not work count against the client address, so however many bad ones arrive
  // through a shared address (a proxy, the customer site's server), an owner's real link goes through.
  const limit = deps.config.reportLimit ?? DEFAULT_REPORT_LIMIT;
  if (limit.perAddress > 0) {
    const counted = await countHitWithin(db, reportAddressKey(origin.ip), now, limit.windowMs, limit.perAddress);
    if (!counted.admitted) {
      throw new ApiError("rate_limited", PROBLEM_DETAILS.tooManyReports, { retryAfter: counted.retryAfter });
    }
  }
  throw new ApiError("not_found", PROBLEM_DETAILS.reportLinkUnusable);
}

/**
 * Marks the link with this token used, if it is unused and unexpired, and returns it; null
 * otherwise. One statement by the unique index on the hash, whatever the reason it fails. The
 * links the same notice carried to the account's other channels are used up with it.
 */
async function claimLink(tx: Tx, token: string, now: Date): Promise<ReportTokenRow | null> {
  const [link] = await tx
    .update(reportTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(reportTokens.tokenHash, reportTokenHash(token)),
        isNull(reportTokens.usedAt),
        gt(reportTokens.expiresAt, now),
      ),
    )
    .returning();
  if (!link) return null;
  // The same notice went to each verified channel with a link of its own: one report answers them
  // all, so a second link of it cannot freeze the account again after a supervisor lifts the hold.
  await tx
    .update(reportTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(reportTokens.accountId, link.accountId),
        eq(reportTokens.action, link.action),
        eq(reportTokens.createdAt, link.createdAt),
        isNull(reportTokens.usedAt),
      ),
    );
  return link;
}

interface ReportContext {
  note: string | null;
  now: Date;
  origin: RequestOrigin;
}

async function holdAccount(tx: Tx, link: ReportTokenRow, { note, now, origin }: ReportContext): Promise<void> {
  let targetId = await accountInUse(tx, link.accountId);
  let ids: string[] = [];
  let pending: MergeRow[] = [];
  let rows: AccountRow[] = [];
  for (let tries = 0; tries < MAX_MERGE_HOPS; tries++) {
    ids = [...new Set([link.accountId, targetId])];
    // Merges first, then accounts, as a supervisor's decision takes them; again once the accounts are
    // held, for a merge proposed in between (a proposal holds the accounts while it checks).
    pending = await lockPendingMerges(tx, ids);
    rows = await lockAccountsInOrder(tx, ids);
    for (const merge of await lockPendingMerges(tx, ids)) {
      if (!pending.some((m) => m.id === merge.id)) pending.push(merge);
    }
    // A merge that committed while the report waited for the rows moved the account on: follow it.
    const settled = await accountInUse(tx, link.accountId);
    if (settled === targetId) break;
    targetId = settled;
  }
  const reported = rows.find((r) => r.id === link.accountId) as AccountRow;
  const target = rows.find((r) => r.id === targetId) as AccountRow;

  const actor = SYSTEM_ACTORS.ownerReport;
  const open = target.status !== "closed" && target.status !== "merged";
  const windowsClosed = await closeWindows(tx, ids, now);
  const revoked = open ? await revokeTemporaryPassword(tx, target.id, now) : false;
  const rejections: AuditEventInput[] = [];
  if (open) {
    for (const merge of pending) {
      rejections.push(
        await recordRejection(tx, merge, { at: now, actor, origin, reason: AUDIT_REASONS.reportedByOwner }),
      );
    }
  }
  const confirmation = await queueReportConfirmation(tx, {
    account: reported,
    action: link.action as AuditAction,
    caseRef: link.caseRef,
    at: link.createdAt,
    channel: link.channel,
  });

  const details = {
    reportedAction: link.action,
    reportedCaseRef: link.caseRef,
    reportedActionAt: link.createdAt.toISOString(),
    reportLinkId: link.id,
    channel: link.channel,
    windowsClosed,
    temporaryCredentialRevoked: revoked,
    mergesRejected: rejections.map((r) => r.details?.mergeId),
    ...noticeDetails(confirmation),
  };
  const record = {
    at: now,
    actor,
    action: "account.recovery_reported" as const,
    origin,
    caseRef: link.caseRef,
    reason: note,
  };
  const onTarget = { ...details, ...(target.id !== reported.id ? { reportedAccountId: reported.id } : {}) };

  const events: AuditEventInput[] = [];
  if (open && !isFrozen(target)) {
    const { event } = await changeAccount(
      tx,
      target.id,
      { kind: "freeze" },
      { ...record, details: { ...onTarget, frozen: true } },
      { lockedAt: now, lockedUntil: null },
    );
    events.push(event);
  } else {
    events.push({
      ...record,
      accountId: target.id,
      details: { ...onTarget, frozen: false, accountStatus: target.status },
    });
  }
  if (target.id !== reported.id) {
    events.push({
      ...record,
      accountId: reported.id,
      details: { ...details, frozen: false, accountStatus: reported.status, frozenAccountId: target.id },
    });
  }
  await appendAuditEvents(tx, [...events, ...rejections]);
  await raiseReportAlert(tx, { accountId: target.id, action: link.action, caseRef: link.caseRef, at: now, origin });
}

/** The account a reported one lives on in: itself, or the account it was merged into (and so on). */
async function accountInUse(tx: Tx, accountId: string): Promise<string> {
  let id = accountId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const [row] = await tx
      .select({ status: accounts.status, mergedInto: accounts.mergedInto })
      .from(accounts)
      .where(eq(accounts.id, id));
    if (row?.status !== "merged" || !row.mergedInto) return id;
    id = row.mergedInto;
  }
  return id;
}

/** The pending merges any of these accounts is in, locked, by id. */
function lockPendingMerges(tx: Tx, ids: string[]): Promise<MergeRow[]> {
  return tx.select().from(merges).where(pendingMergeOf(ids)).orderBy(merges.id).for("update");
}

/** Ends every open verified window on these accounts, whoever holds it; returns how many. */
async function closeWindows(tx: Tx, ids: string[], now: Date): Promise<number> {
  const closed = await tx
    .update(verifications)
    .set({ verifiedUntil: now })
    .where(
      and(
        inArray(verifications.accountId, ids),
        eq(verifications.status, "verified"),
        gt(verifications.verifiedUntil, now),
      ),
    )
    .returning({ id: verifications.id });
  return closed.length;
}

/** Clears a temporary password the account still holds (the reported action's, or any other); whether there was one. */
async function revokeTemporaryPassword(tx: Tx, accountId: string, now: Date): Promise<boolean> {
  const cleared = await tx
    .update(accounts)
    .set({ temporaryPasswordHash: null, temporaryPasswordExpiresAt: null, updatedAt: now })
    .where(and(eq(accounts.id, accountId), isNotNull(accounts.temporaryPasswordHash)))
    .returning({ id: accounts.id });
  return cleared.length > 0;
}
