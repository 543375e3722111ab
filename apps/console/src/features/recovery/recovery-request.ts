import type { AccountDetail, ActionRequest, DeliveryReceipt, TemporaryPasswordRequest } from "@recovery-desk/shared";
import { liftLockout, reactivateAccount, sendTemporaryPassword, sendUsernameReminder } from "../../api/recovery.ts";

/** What the agent confirmed in a dialog: the action and what goes with it. */
export type RecoveryRequest =
  | { kind: "unlock" | "reactivate" | "username_reminder"; body: ActionRequest }
  | { kind: "temporary_password"; body: TemporaryPasswordRequest };

/** What came back: the changed account, or where a message went. */
export type RecoveryResult =
  | { kind: "unlock" | "reactivate"; account: AccountDetail }
  | { kind: "temporary_password" | "username_reminder"; receipt: DeliveryReceipt };

/** Two requests are the same when they would send the same thing: same action, same body. */
export const fingerprint = (request: RecoveryRequest) => `${request.kind} ${JSON.stringify(request.body)}`;

/** Sends the confirmed action to the API under the given Idempotency-Key. */
export async function performRecovery(
  accountId: string,
  request: RecoveryRequest,
  key: string,
): Promise<RecoveryResult> {
  switch (request.kind) {
    case "unlock":
      return { kind: "unlock", account: await liftLockout(accountId, request.body, key) };
    case "reactivate":
      return { kind: "reactivate", account: await reactivateAccount(accountId, request.body, key) };
    case "temporary_password":
      return { kind: "temporary_password", receipt: await sendTemporaryPassword(accountId, request.body, key) };
    case "username_reminder":
      return { kind: "username_reminder", receipt: await sendUsernameReminder(accountId, request.body, key) };
  }
}
