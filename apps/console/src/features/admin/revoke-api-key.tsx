import type { ApiKey } from "@recovery-desk/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiKeyKeys, revokeApiKey } from "../../api/admin-api-keys.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { outcomeKnown, useIdempotencyKeys } from "../../lib/use-idempotency-keys.ts";
import type { FocusReturn } from "./admin-dialog.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";

type RevokeApiKeyDialogProps = {
  /** The key being revoked; null while the dialog is closed. */
  apiKey: ApiKey | null;
  onClose: () => void;
  returnFocusTo: FocusReturn;
  onRevoked: (apiKey: ApiKey) => void;
};

function describeRevokeProblem(error: unknown): ProblemMessage {
  if (isApiProblem(error) && error.code === "conflict") {
    return {
      message: "This key was already revoked, perhaps by another admin. The list now shows it.",
      requestId: null,
    };
  }
  if (isApiProblem(error) && error.code === "not_found") {
    return { message: "This key no longer exists. The list has been refreshed.", requestId: null };
  }
  return describeProblem(error);
}

/** "Revoke …?": the key stops working at once for every service using it. */
export function RevokeApiKeyDialog({ apiKey, onClose, returnFocusTo, onRevoked }: RevokeApiKeyDialogProps) {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKeys();
  const [problem, setProblem] = useState<{ message: ProblemMessage; final: boolean } | null>(null);

  const revoke = useMutation({
    mutationFn: ({ target, key }: { target: ApiKey; key: string }) => revokeApiKey(target.id, key),
    // The same Idempotency-Key makes a second try after a dropped connection safe.
    retry: (failures, error) => failures < 1 && isApiProblem(error) && error.code === "network_error",
    retryDelay: 500,
    onSuccess: (_, { target }) => {
      keys.settle(`revoke:${target.id}`, true);
      void queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() });
      onRevoked(target);
    },
    onError: (error, { target }) => {
      keys.settle(`revoke:${target.id}`, outcomeKnown(error));
      const final = isApiProblem(error) && (error.code === "conflict" || error.code === "not_found");
      if (final) void queryClient.invalidateQueries({ queryKey: apiKeyKeys.list() });
      setProblem({ message: describeRevokeProblem(error), final });
    },
  });

  function changeOpen(open: boolean) {
    if (open) return;
    setProblem(null);
    revoke.reset();
    onClose();
  }

  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={changeOpen}
      returnFocusTo={returnFocusTo}
      title={apiKey ? `Revoke “${apiKey.name}”?` : "Revoke API key?"}
      description={
        <>
          Services using this key stop working at once. A revoked key cannot be used again; a service that still needs
          access gets a new key.{" "}
          {apiKey ? (
            <>
              Key: <code>{apiKey.prefix}</code>.
            </>
          ) : null}
        </>
      }
      confirmLabel="Revoke key"
      busy={revoke.isPending}
      problem={problem?.message ?? null}
      canConfirm={!problem?.final}
      onConfirm={() => {
        if (!apiKey) return;
        setProblem(null);
        revoke.mutate({ target: apiKey, key: keys.keyFor(`revoke:${apiKey.id}`) });
      }}
    />
  );
}
