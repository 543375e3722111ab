import type { AccountDetail } from "@recovery-desk/shared";
import { type AuditEventInput, appendAuditEvents, type RequestOrigin } from "../../audit/append.ts";
import { actorOf, type StaffPrincipal } from "../../auth/principal.ts";
import type { Tx } from "../../db/client.ts";
import type { VerificationRow } from "../../db/schema/index.ts";
import { getAccountDetail } from "../accounts/detail.ts";

/**
 * The account after an action, as the acting agent sees it: unmasked under their window, and so
 * recorded as an unmasked view in the same transaction. The action's own events (`pending`) are
 * appended here too, after the read, so the transaction holds the chain head only for its commit.
 */
export async function detailAfterAction(
  tx: Tx,
  principal: StaffPrincipal,
  window: VerificationRow,
  now: Date,
  origin: RequestOrigin,
  pending: AuditEventInput[] = [],
): Promise<AccountDetail> {
  const detail = await getAccountDetail(tx, window.accountId, now, window);
  await appendAuditEvents(tx, [
    ...pending,
    {
      at: now,
      actor: actorOf(principal),
      action: "account.viewed_unmasked",
      origin,
      accountId: window.accountId,
      caseRef: window.caseRef,
      details: { verificationId: window.id },
    },
  ]);
  return detail;
}
