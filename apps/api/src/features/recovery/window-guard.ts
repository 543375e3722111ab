import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { type VerificationRow, verifications } from "../../db/schema/index.ts";
import type { StaffPrincipal } from "../../http/context.ts";
import { ApiError } from "../../http/errors.ts";
import { openWindow } from "../verification/window.ts";

/**
 * The agent's open verified window for the account, or 403 `verification_required`. A window
 * belongs to one case: an action naming another case is refused, and a window opened without a
 * case takes the case of the first action that names one and keeps it. An action that names no
 * case goes on under the window's case.
 */
export async function requireWindow(
  db: Executor,
  principal: StaffPrincipal,
  accountId: string,
  now: Date,
  caseRef: string | undefined,
): Promise<VerificationRow> {
  const window = await openWindow(db, principal.id, accountId, now);
  if (!window) {
    throw new ApiError(
      "verification_required",
      "Verify the caller first: recovery actions need an open verified window.",
    );
  }
  if (caseRef === undefined || caseRef === window.caseRef) return window;
  const windowCase = window.caseRef ?? (await bindCase(db, window.id, caseRef));
  if (windowCase !== caseRef) {
    throw new ApiError(
      "verification_required",
      `The caller was verified for case ${windowCase}, not ${caseRef}. Verify the caller again to act on another case.`,
    );
  }
  return { ...window, caseRef: windowCase };
}

/**
 * Gives a window without a case the case `caseRef`, unless another action gave it one first, and
 * returns the window's case. One statement: of two first actions at once, the second waits for
 * the first's row lock and then finds the case the first one set.
 */
async function bindCase(db: Executor, verificationId: string, caseRef: string): Promise<string> {
  const [row] = await db
    .update(verifications)
    .set({ caseRef: sql`coalesce(${verifications.caseRef}, ${caseRef})` })
    .where(eq(verifications.id, verificationId))
    .returning({ caseRef: verifications.caseRef });
  if (!row?.caseRef)
    throw new ApiError("verification_required", "The verified window has closed. Verify the caller again.");
  return row.caseRef;
}
