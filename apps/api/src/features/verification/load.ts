import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import type { StaffPrincipal } from "../../auth/principal.ts";
import type { Executor } from "../../db/client.ts";
import { type VerificationRow, verifications } from "../../db/schema/index.ts";
import { ApiError, notFound } from "../../http/errors.ts";

/**
 * A verification the principal may act on: their own. Another agent's verification is refused,
 * and `forUpdate` locks the row so two submissions cannot both use one code or one attempt.
 */
export async function loadOwnVerification(
  db: Executor,
  principal: StaffPrincipal,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<VerificationRow> {
  const query = db.select().from(verifications).where(eq(verifications.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("The verification");
  if (row.staffId !== principal.id) throw new ApiError("forbidden", PROBLEM_DETAILS.verificationOfAnotherAgent);
  return row;
}

/** Refuses a verification that is finished or lapsed. */
export function assertPending(row: VerificationRow, now: Date): void {
  if (row.status === "verified") throw new ApiError("conflict", PROBLEM_DETAILS.verificationSucceeded);
  if (row.status !== "pending" || row.expiresAt <= now) {
    throw new ApiError("conflict", PROBLEM_DETAILS.verificationEnded);
  }
}
