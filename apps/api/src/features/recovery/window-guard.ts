import type { Executor } from "../../db/client.ts";
import type { VerificationRow } from "../../db/schema/index.ts";
import type { StaffPrincipal } from "../../http/context.ts";
import { ApiError } from "../../http/errors.ts";
import { openWindow } from "../verification/window.ts";

/**
 * The agent's open verified window for the account, or 403 `verification_required`. A case
 * reference given with the action must be the one the caller was verified under.
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
  if (caseRef !== undefined && window.caseRef !== null && caseRef !== window.caseRef) {
    throw new ApiError(
      "verification_required",
      `The caller was verified under case ${window.caseRef}, not ${caseRef}.`,
    );
  }
  return window;
}
