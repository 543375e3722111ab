import {
  AccountDetail,
  type ActionRequest,
  DeliveryReceipt,
  type TemporaryPasswordRequest,
} from "@recovery-desk/shared";
import { apiFetch, apiUrl } from "./client.ts";

/**
 * The recovery actions. Each call carries the Idempotency-Key of the agent's one request, so a
 * retry after a lost answer gets the first result back instead of acting twice.
 */
const actionPath = (accountId: string, action: string) => `/accounts/${encodeURIComponent(accountId)}/${action}`;

const idempotent = (key: string) => ({ "Idempotency-Key": key });

/** Lifts a temporary or hard lock; answers with the account as it is now. */
export function liftLockout(accountId: string, request: ActionRequest, key: string) {
  return apiFetch(apiUrl(actionPath(accountId, "unlock")), {
    method: "POST",
    body: request,
    headers: idempotent(key),
    schema: AccountDetail,
  });
}

/** Reactivates an account deactivated for inactivity; answers with the account as it is now. */
export function reactivateAccount(accountId: string, request: ActionRequest, key: string) {
  return apiFetch(apiUrl(actionPath(accountId, "reactivate")), {
    method: "POST",
    body: request,
    headers: idempotent(key),
    schema: AccountDetail,
  });
}

/** Sends a temporary password to a verified channel. Only where it went comes back, never the password. */
export function sendTemporaryPassword(accountId: string, request: TemporaryPasswordRequest, key: string) {
  return apiFetch(apiUrl(actionPath(accountId, "temporary-password")), {
    method: "POST",
    body: request,
    headers: idempotent(key),
    schema: DeliveryReceipt,
  });
}

/** Emails the username to the verified email address. */
export function sendUsernameReminder(accountId: string, request: ActionRequest, key: string) {
  return apiFetch(apiUrl(actionPath(accountId, "username-reminder")), {
    method: "POST",
    body: request,
    headers: idempotent(key),
    schema: DeliveryReceipt,
  });
}
