import { AUDIT_REASONS, LOCKOUT_POLICY, type LoginEventRequest, type LoginEventResult } from "@recovery-desk/shared";
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Actor, RequestOrigin } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { KeyScope } from "../../auth/scope.ts";
import type { Tx } from "../../db/client.ts";
import { type AccountRow, accounts, auditEvents } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import { lockHasEnded } from "../accounts/summary.ts";
import { LOCK_CLEARED, moveAccount } from "../recovery/transition.ts";
import { decideFailure } from "./policy.ts";

/** How far back a reported login may lie, and how far ahead of our clock it may be. */
const MAX_AGE_MS = LOCKOUT_POLICY.windowMs;
const MAX_SKEW_MS = 60_000;

/**
 * Applies the lockout policy to one login outcome the login service reports. The account row is
 * locked while the event is counted, so concurrent events for one account never lose a count.
 * An unknown username answers the same shape as a known one (`status: "unknown"`).
 */
export async function recordLoginEvent(scope: KeyScope, input: LoginEventRequest): Promise<LoginEventResult> {
  const { deps, key: principal, origin } = scope;
  const now = deps.clock.now();
  const at = input.occurredAt ? new Date(input.occurredAt) : now;
  if (at.getTime() > now.getTime() + MAX_SKEW_MS || at.getTime() < now.getTime() - MAX_AGE_MS) {
    throw new ApiError("validation_failed", "occurredAt must lie within the last 15 minutes.", {
      errors: [{ path: "json.occurredAt", message: "Within the last 15 minutes, and not in the future." }],
    });
  }
  const context = { now, at, actor: actorOf(principal), origin: { ...origin, ip: input.ip ?? origin.ip } };

  return deps.database.db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.username, input.username)).for("update");
    if (!account) return { status: "unknown", locked: false, lockedUntil: null };
    return resultOf(await applyLoginOutcome(tx, account, input.outcome, context));
  });
}

/** When and by whom a login outcome is recorded. */
export interface OutcomeContext {
  now: Date;
  /** When the login happened. */
  at: Date;
  actor: Actor;
  origin: RequestOrigin;
}

/**
 * The lockout policy for one outcome of the account, whose row the caller's transaction holds
 * locked: a temporary lock that has run out ends first; then a success resets the count and a
 * failure counts, locking the account when the policy says so. An account that is not active
 * (still locked, deactivated, merged) is left as it is. Returns the account as it now stands.
 */
export async function applyLoginOutcome(
  tx: Tx,
  account: AccountRow,
  outcome: "success" | "failure",
  { now, at, actor, origin }: OutcomeContext,
): Promise<AccountRow> {
  let current = account;
  if (current.status === "locked" && lockHasEnded(current.lockKind, current.lockedUntil, now)) {
    current = await moveAccount(
      tx,
      current.id,
      { kind: "unlock" },
      {
        at: now,
        actor,
        action: "account.unlocked",
        origin,
        reason: AUDIT_REASONS.temporaryLockEnded,
        details: { lockEndedAt: current.lockedUntil?.toISOString() },
      },
      LOCK_CLEARED,
    );
  }
  if (current.status !== "active") return current;

  if (outcome === "success") {
    const [updated] = await tx
      .update(accounts)
      .set({ failedLoginCount: 0, failedLoginWindowStartedAt: null, lastActivityAt: at, updatedAt: now })
      .where(eq(accounts.id, current.id))
      .returning();
    return updated ?? current;
  }

  const decision = decideFailure(
    {
      failures: current.failedLoginCount,
      windowStartedAt: current.failedLoginWindowStartedAt,
      temporaryLocksInLastDay: await temporaryLocksSince(
        tx,
        current.id,
        new Date(now.getTime() - LOCKOUT_POLICY.hardLockWindowMs),
      ),
    },
    at,
  );
  if (decision.kind === "count") {
    const [updated] = await tx
      .update(accounts)
      .set({
        failedLoginCount: decision.failures,
        failedLoginWindowStartedAt: decision.windowStartedAt,
        updatedAt: now,
      })
      .where(eq(accounts.id, current.id))
      .returning();
    return updated ?? current;
  }
  return moveAccount(
    tx,
    current.id,
    { kind: "lock", lockKind: decision.lockKind },
    {
      at: now,
      actor,
      action: "account.locked",
      origin,
      reason: AUDIT_REASONS.failedLogins(decision.failures),
      details: {
        lockKind: decision.lockKind,
        failedLogins: decision.failures,
        lockedUntil: decision.lockedUntil?.toISOString() ?? null,
      },
    },
    {
      lockedAt: now,
      lockedUntil: decision.lockedUntil,
      failedLoginCount: decision.failures,
      failedLoginWindowStartedAt: decision.windowStartedAt,
    },
  );
}

/**
 * The reads that counting a failure makes, under the same row lock, without counting anything: an
 * answer that counts no failure then takes as long as one that does.
 */
export async function readAsIfCounting(tx: Tx, username: string, now: Date): Promise<void> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.username, username)).for("update");
  await temporaryLocksSince(tx, account?.id ?? "", new Date(now.getTime() - LOCKOUT_POLICY.hardLockWindowMs));
}

/** Temporary locks of the account since `since`, from the audit trail (the (account, seq) index). */
async function temporaryLocksSince(tx: Tx, accountId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.accountId, accountId),
        eq(auditEvents.action, "account.locked"),
        gt(auditEvents.occurredAt, since),
        sql`${auditEvents.details}->>'lockKind' = 'temporary'`,
      ),
    );
  return row?.n ?? 0;
}

function resultOf(account: AccountRow): LoginEventResult {
  const locked = account.status === "locked";
  return {
    status: account.status,
    locked,
    lockedUntil: locked && account.lockKind === "temporary" ? (account.lockedUntil?.toISOString() ?? null) : null,
  };
}
