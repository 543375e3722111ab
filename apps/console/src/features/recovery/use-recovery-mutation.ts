import type { AccountDetail } from "@recovery-desk/shared";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { accountKeys } from "../../api/accounts.ts";
import { isApiProblem } from "../../api/problem.ts";
import { failureTitle, successMessage } from "../../lib/recovery-words.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import { useToast } from "../../ui/toast-context.ts";
import { describeActionProblem } from "./action-problem-words.ts";
import { fingerprint, performRecovery, type RecoveryRequest, type RecoveryResult } from "./recovery-request.ts";

/** One confirm: which opening of the dialog it came from, what was asked, and its Idempotency-Key. */
type Confirmed = { session: number; request: RecoveryRequest; key: string };

type Hooks = {
  /** True while the dialog the request came from is still open. */
  isOpen: (session: number) => boolean;
  onSucceeded: (session: number, result: RecoveryResult) => void;
  /** Only while that dialog is open; a failure after it closed becomes a toast instead. */
  onFailed: (session: number, error: unknown) => void;
};

/** Answers that show the account has moved on (window closed, state changed): reload it. */
const STALE_CODES = new Set(["verification_required", "invalid_transition", "conflict"]);

/** Puts what the API answered on the page: the new account state at once, and a fresh history. */
function applyResult(queryClient: QueryClient, accountId: string, result: RecoveryResult) {
  if ("account" in result) {
    queryClient.setQueryData(accountKeys.detail(accountId), result.account);
    void queryClient.invalidateQueries({ queryKey: accountKeys.timeline(accountId) });
  } else {
    // A temporary password can lift a lock and always makes the customer change it: reload the account and its history.
    void queryClient.invalidateQueries({ queryKey: accountKeys.detail(accountId) });
  }
  // Search results show the status too.
  void queryClient.invalidateQueries({ queryKey: [...accountKeys.all, "search"] });
}

/**
 * Sends a confirmed recovery action. A dropped connection is tried once more with the same key, so
 * it can never act twice; the answer updates the page and is told in a toast.
 */
export function useRecoveryMutation(account: AccountDetail, hooks: Hooks) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const keys = useIdempotencyKeys();
  const name = account.displayName;

  const mutation = useMutation({
    mutationFn: ({ request, key }: Confirmed) => performRecovery(account.id, request, key),
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (result, { session, request }) => {
      keys.settle(fingerprint(request), true);
      applyResult(queryClient, account.id, result);
      const receipt =
        "receipt" in result
          ? { ...result.receipt, channel: request.kind === "temporary_password" ? request.body.channel : "email" }
          : undefined;
      toast({ tone: "success", title: successMessage(request.kind, name, receipt) });
      hooks.onSucceeded(session, result);
    },
    onError: (error, { session, request }) => {
      keys.settle(fingerprint(request), outcomeKnown(error));
      if (isApiProblem(error) && STALE_CODES.has(error.code)) {
        void queryClient.invalidateQueries({ queryKey: accountKeys.detail(account.id) });
      }
      if (hooks.isOpen(session)) {
        hooks.onFailed(session, error);
        return;
      }
      const channel = request.kind === "temporary_password" ? request.body.channel : null;
      const { message } = describeActionProblem(error, request.kind, channel);
      toast({ tone: "danger", title: failureTitle(request.kind, name), description: message });
    },
  });

  return {
    confirm: (session: number, request: RecoveryRequest) =>
      mutation.mutate({ session, request, key: keys.keyFor(fingerprint(request)) }),
    /** The dialog opening whose request is on its way, if any. */
    pendingSession: mutation.isPending ? (mutation.variables?.session ?? null) : null,
  };
}
