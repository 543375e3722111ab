import { type AccountMove, type AuditAction, PROBLEM_DETAILS, planMove } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { type Actor, type AuditEventInput, appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import type { Tx } from "../../db/client.ts";
import { type AccountRow, accounts } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";

/** What a move records in the audit trail. */
export interface MoveRecord {
  at: Date;
  actor: Actor;
  action: AuditAction;
  origin: RequestOrigin;
  caseRef?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Column changes that come with a move, besides status, reason and lock kind (`updatedAt` defaults to the move's time). */
export type MoveColumns = Partial<Omit<typeof accounts.$inferInsert, "id" | "status" | "statusReason" | "lockKind">>;

/**
 * The one way an account changes. It locks the account row (so concurrent changes queue and
 * none applies twice), asks the state machine whether the move is legal (409
 * `invalid_transition` with the reason if not), writes the new state with any extra columns,
 * and appends the audit event — all in the caller's transaction. `move` may be a function of the
 * current row (a move that depends on the state, or null for a change of columns only).
 */
export async function moveAccount(
  tx: Tx,
  accountId: string,
  move: AccountMove | null | ((current: AccountRow) => AccountMove | null),
  record: MoveRecord,
  columns: MoveColumns = {},
): Promise<AccountRow> {
  const { updated, event } = await changeAccount(tx, accountId, move, record, columns);
  await appendAuditEvent(tx, event);
  return updated;
}

/**
 * `moveAccount` without the append: the change is written and its audit event is returned for
 * the caller to append with the transaction's other events (as late as it can, since the append
 * holds the chain head until the commit).
 */
export async function changeAccount(
  tx: Tx,
  accountId: string,
  move: AccountMove | null | ((current: AccountRow) => AccountMove | null),
  record: MoveRecord,
  columns: MoveColumns = {},
): Promise<{ updated: AccountRow; event: AuditEventInput }> {
  const [current] = await tx.select().from(accounts).where(eq(accounts.id, accountId)).for("update");
  if (!current) throw notFound("The account");
  const chosen = typeof move === "function" ? move(current) : move;
  // A merged account changes only by coming back from its merge (undo); a closed one never.
  if ((current.status === "merged" && chosen?.kind !== "unmerge") || current.status === "closed") {
    throw new ApiError("invalid_transition", PROBLEM_DETAILS.nothingCanChange(current.status), {
      extra: { accountStatus: current.status },
    });
  }
  let next = {};
  if (chosen) {
    const plan = planMove(current, chosen);
    if (!plan.ok) throw new ApiError("invalid_transition", plan.reason, { extra: { accountStatus: current.status } });
    next = plan.next;
  }

  const [updated] = await tx
    .update(accounts)
    .set({ updatedAt: record.at, ...columns, ...next })
    .where(eq(accounts.id, accountId))
    .returning();
  if (!updated) throw notFound("The account");
  return {
    updated,
    event: { ...record, accountId, details: { from: current.status, to: updated.status, ...record.details } },
  };
}

/** Columns cleared when a failed-login lock is lifted. */
export const LOCK_CLEARED: MoveColumns = {
  lockedAt: null,
  lockedUntil: null,
  failedLoginCount: 0,
  failedLoginWindowStartedAt: null,
};
