import type { AccountDetail } from "@recovery-desk/shared";
import { appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import type { Tx } from "../../db/client.ts";
import type { VerificationRow } from "../../db/schema/index.ts";
import { actorOf, type StaffPrincipal } from "../../http/context.ts";
import { getAccountDetail } from "../accounts/detail.ts";

/**
 * The account after an action, as the acting agent sees it: unmasked under their window, and so
 * recorded as an unmasked view in the same transaction.
 */
export async function detailAfterAction(
  tx: Tx,
  principal: StaffPrincipal,
  window: VerificationRow,
  now: Date,
  origin: RequestOrigin,
): Promise<AccountDetail> {
  const detail = await getAccountDetail(tx, window.accountId, now, window);
  await appendAuditEvent(tx, {
    at: now,
    actor: actorOf(principal),
    action: "account.viewed_unmasked",
    origin,
    accountId: window.accountId,
    caseRef: window.caseRef,
    details: { verificationId: window.id },
  });
  return detail;
}
