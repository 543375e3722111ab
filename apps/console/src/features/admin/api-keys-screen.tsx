import type { ApiKey } from "@recovery-desk/shared";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { apiKeysQuery } from "../../api/admin-api-keys.ts";
import { AdminPageHeader } from "./admin-page-header.tsx";
import { ApiKeyTable, apiKeyRowId } from "./api-key-table.tsx";
import { CreateApiKeyButton } from "./create-api-key-dialog.tsx";
import { RevokeApiKeyDialog } from "./revoke-api-key.tsx";
import { StatusMessage } from "./status-message.tsx";

/** The keys services use to call Recovery Desk: who has which, when each was last used, and revoking. */
export function ApiKeysScreen() {
  const { data: apiKeys } = useSuspenseQuery(apiKeysQuery());
  const [status, setStatus] = useState("");
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revokeButtonRef = useRef<HTMLButtonElement | null>(null);
  const revokedRowRef = useRef<string | null>(null);

  /** Where the keyboard goes when the revoke dialog closes: its Revoke button, or the key's row once the button is gone. */
  function afterRevokeDialog(): HTMLElement | null {
    const button = revokeButtonRef.current;
    if (button?.isConnected) return button;
    return revokedRowRef.current ? document.getElementById(apiKeyRowId(revokedRowRef.current)) : null;
  }

  return (
    <div className="stack stack--lg">
      <AdminPageHeader
        title="API keys"
        intro="Services such as the login service call Recovery Desk with these keys. Give each service its own key, with only the scopes it needs, and revoke a key as soon as it is no longer used or may have leaked."
        action={
          <CreateApiKeyButton
            onCreated={(apiKey) =>
              setStatus(`API key “${apiKey.name}” created. The list shows it by its prefix, ${apiKey.prefix}.`)
            }
          />
        }
      />
      <StatusMessage message={status} />
      {apiKeys.length === 0 ? (
        <p className="empty-state">
          No API keys yet. Create one for each service that calls Recovery Desk, such as the login service that reports
          customer logins.
        </p>
      ) : (
        <ApiKeyTable
          apiKeys={apiKeys}
          onRevoke={(apiKey, button) => {
            revokeButtonRef.current = button;
            revokedRowRef.current = apiKey.id;
            setRevoking(apiKey);
          }}
        />
      )}
      <RevokeApiKeyDialog
        apiKey={revoking}
        returnFocusTo={afterRevokeDialog}
        onClose={() => setRevoking(null)}
        onRevoked={(apiKey) => {
          revokeButtonRef.current = null;
          setStatus(`API key “${apiKey.name}” revoked. Services using it can no longer call Recovery Desk.`);
          setRevoking(null);
        }}
      />
    </div>
  );
}
