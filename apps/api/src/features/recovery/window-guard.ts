import { type PolicyAction, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { and, eq, gte, sql } from "drizzle-orm";
import type { StaffScope } from "../../auth/scope.ts";
import type { Executor } from "../../db/client.ts";
import { type AccountRow, accounts, auditEvents, type VerificationRow, verifications } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { policyOf, requireEvidence } from "../policy/policy.ts";
import { openWindow } from "../verification/window.ts";

/** Whose window on which account, at what time, for which action and the action's case (if it names one). */
type WindowCheck = [
  db: Executor,
  scope: StaffScope,
  accountId: string,
  now: Date,
  caseRef: string | undefined,
  action: PolicyAction,
];

/**
 * The agent's open verified window for the account, or 403 `verification_required`; its evidence
 * must reach the level the policy sets for the action, or 403 `verification_insufficient`. A window
 * belongs to one case: an action naming another case is refused, and a window opened without a
 * case takes the case of the first action that names one and keeps it. An action that names no
 * case goes on under the window's case. Call it in the transaction that records the action, so a
 * refused action binds nothing; an action that sends a message checks with `checkWindow` and
 * binds with `claimCase` instead.
 */
export async function requireWindow(...args: WindowCheck): Promise<VerificationRow> {
  const [db, , , , caseRef] = args;
  const window = await checkWindow(...args);
  if (caseRef === undefined || window.caseRef !== null) return window;
  return { ...window, caseRef: await bindCase(db, window.id, caseRef) };
}

/**
 * As `requireWindow`, without binding anything: the window must be open with enough evidence for
 * the action, and an action naming another case than the one the window already has is refused.
 * Every recovery action checks the policy here, and only here.
 */
export async function checkWindow(
  ...[db, scope, accountId, now, caseRef, action]: WindowCheck
): Promise<VerificationRow> {
  const window = await openWindow(db, scope.staff.id, accountId, now);
  if (!window) {
    throw new ApiError("verification_required", PROBLEM_DETAILS.verifyFirst);
  }
  if (caseRef !== undefined && window.caseRef !== null && window.caseRef !== caseRef) {
    throw otherCase(window.caseRef, caseRef);
  }
  requireEvidence(policyOf(scope.deps.config), action, window.evidence);
  return window;
}

/**
 * For an action that sends a message, before anything is sent or bound: the agent's open window on
 * the account (as `checkWindow`) and the account itself, or 404 when there is no such account.
 */
export async function checkWindowAndAccount(
  db: Executor,
  scope: StaffScope,
  accountId: string,
  caseRef: string | undefined,
  action: PolicyAction,
): Promise<{ checked: VerificationRow; account: AccountRow; now: Date }> {
  const now = scope.deps.clock.now();
  const checked = await checkWindow(db, scope, accountId, now, caseRef, action);
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw notFound("The account");
  return { checked, account, now };
}

/**
 * For an action that sends a message: binds the window (from `checkWindow`) to the action's case
 * just before the message goes, so of two first actions under different cases only one sends, then
 * sends it. If the message cannot be sent, the binding is taken back and the failure thrown on.
 * Returns the window as bound, to record the action under.
 */
export async function sendUnderWindow(
  db: Executor,
  checked: VerificationRow,
  caseRef: string | undefined,
  send: () => Promise<unknown>,
): Promise<VerificationRow> {
  const { window, claimed } = await claimCase(db, checked, caseRef);
  try {
    await send();
  } catch (error) {
    if (claimed) await releaseCase(db, window);
    throw error;
  }
  return window;
}

async function claimCase(
  db: Executor,
  window: VerificationRow,
  caseRef: string | undefined,
): Promise<{ window: VerificationRow; claimed: boolean }> {
  if (caseRef === undefined || window.caseRef !== null) return { window, claimed: false };
  const bound = await bindCase(db, window.id, caseRef);
  return { window: { ...window, caseRef: bound }, claimed: true };
}

/**
 * Takes back a binding `claimCase` made for an action whose message could not be sent, unless something was filed
 * under the case on the account since the window opened (another action of the same case went
 * through meanwhile): then the window keeps the case its records name.
 */
async function releaseCase(db: Executor, window: VerificationRow): Promise<void> {
  if (!window.caseRef) return;
  const filedSince = db
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.accountId, window.accountId),
        eq(auditEvents.caseRef, window.caseRef),
        gte(auditEvents.occurredAt, window.verifiedAt ?? window.createdAt),
      ),
    );
  await db
    .update(verifications)
    .set({ caseRef: null })
    .where(
      and(eq(verifications.id, window.id), eq(verifications.caseRef, window.caseRef), sql`not exists (${filedSince})`),
    );
}

/**
 * Gives a window without a case the case `caseRef`, unless another action gave it one first, and
 * returns the window's case, refusing the action when it is another. One statement: of two first
 * actions at once, the second waits for the first's row lock and then finds the case the first one set.
 */
async function bindCase(db: Executor, verificationId: string, caseRef: string): Promise<string> {
  const [row] = await db
    .update(verifications)
    .set({ caseRef: sql`coalesce(${verifications.caseRef}, ${caseRef})` })
    .where(eq(verifications.id, verificationId))
    .returning({ caseRef: verifications.caseRef });
  if (!row?.caseRef)
    throw new ApiError("verification_required", "The verified window has closed. Verify the caller again.");
  if (row.caseRef !== caseRef) throw otherCase(row.caseRef, caseRef);
  return row.caseRef;
}

function otherCase(windowCase: string, caseRef: string): ApiError {
  return new ApiError("verification_required", PROBLEM_DETAILS.otherCase(windowCase, caseRef));
}
