import type { ApiKey } from "@recovery-desk/shared";
import { apiKeyKeys, revokeApiKey } from "../../api/admin-api-keys.ts";
import { isApiProblem } from "../../api/problem.ts";
import type { FocusReturn } from "./admin-dialog.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { useConfirmedRemoval } from "./use-confirmed-removal.ts";

type RevokeApiKeyDialogProps = {
  /** The key being revoked; null while the dialog is closed. */
  apiKey: ApiKey | null;
  onClose: () => void;
  returnFocusTo: FocusReturn;
  onRevoked: (apiKey: ApiKey) => void;
};

/** Revoking an already revoked or deleted key can only be refused again: say so and show the list. */
function revokeFinalProblem(error: unknown): string | null {
  if (isApiProblem(error) && error.code === "conflict") {
    return "This key was already revoked, perhaps by another admin. The list now shows it.";
  }
  if (isApiProblem(error) && error.code === "not_found") {
    return "This key no longer exists. The list has been refreshed.";
  }
  return null;
}

/** "Revoke …?": the key stops working at once for every service using it. */
export function RevokeApiKeyDialog({ apiKey, onClose, returnFocusTo, onRevoked }: RevokeApiKeyDialogProps) {
  const revoke = useConfirmedRemoval<ApiKey>({
    action: "revoke",
    remove: (target, key) => revokeApiKey(target.id, key),
    listKey: apiKeyKeys.list(),
    finalProblem: revokeFinalProblem,
    onRemoved: onRevoked,
    onClose,
  });

  return (
    <ConfirmDialog
      open={apiKey !== null}
      onOpenChange={revoke.changeOpen}
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
      busy={revoke.busy}
      problem={revoke.problem}
      canConfirm={revoke.canConfirm}
      onConfirm={() => revoke.confirm(apiKey)}
    />
  );
}
