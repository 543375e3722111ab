import type { ApiKey } from "@recovery-desk/shared";
import { formatDate, formatDateTime, formatRelative } from "../../lib/format.ts";
import { useNow } from "../../lib/use-now.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { CheckIcon, CrossIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { AdminTable } from "./admin-table.tsx";

type ApiKeyTableProps = {
  apiKeys: ApiKey[];
  /** The Revoke button of an active key was pressed; the button is passed so focus can return to it. */
  onRevoke: (apiKey: ApiKey, button: HTMLButtonElement) => void;
};

/** The row header of a key, which takes the keyboard after its key was revoked (the Revoke button is gone then). */
export const apiKeyRowId = (id: string) => `api-key-${id}`;

/** Every key: what it is called, how to recognise it, what it may do, who made it, when it was last used. */
export function ApiKeyTable({ apiKeys, onRevoke }: ApiKeyTableProps) {
  const now = useNow(60_000);
  return (
    <AdminTable caption="API keys, newest first" columns={["Name", "Key", "Scopes", "Created", "Last used", "Status"]}>
      {apiKeys.map((apiKey) => (
        <tr key={apiKey.id} data-revoked={apiKey.revokedAt ? true : undefined}>
          <th scope="row" id={apiKeyRowId(apiKey.id)} tabIndex={-1} className="admin-table__name">
            {apiKey.name}
          </th>
          <td>
            <code className="key-prefix">{apiKey.prefix}</code>
          </td>
          <td>
            <ul className="plain-list badge-list">
              {apiKey.scopes.map((scope) => (
                <li key={scope}>
                  <Badge tone="info" className="scope-badge">
                    {scope}
                  </Badge>
                </li>
              ))}
            </ul>
          </td>
          <td>
            <time dateTime={apiKey.createdAt}>{formatDate(apiKey.createdAt)}</time>
            <span className="admin-table__sub">
              {apiKey.createdBy ? `by ${apiKey.createdBy}` : "creator not recorded"}
            </span>
          </td>
          <td>
            {apiKey.lastUsedAt ? (
              <time dateTime={apiKey.lastUsedAt} title={formatDateTime(apiKey.lastUsedAt)}>
                {formatRelative(apiKey.lastUsedAt, now)}
              </time>
            ) : (
              <span className="muted">Never</span>
            )}
          </td>
          <td>
            {apiKey.revokedAt ? (
              <>
                <Badge tone="neutral" icon={<CrossIcon />}>
                  Revoked
                </Badge>
                <span className="admin-table__sub">
                  on <time dateTime={apiKey.revokedAt}>{formatDate(apiKey.revokedAt)}</time>
                </span>
              </>
            ) : (
              <Badge tone="success" icon={<CheckIcon />}>
                Active
              </Badge>
            )}
          </td>
          <td className="admin-table__actions">
            {apiKey.revokedAt ? null : (
              <Button size="sm" onClick={(event) => onRevoke(apiKey, event.currentTarget)}>
                Revoke <VisuallyHidden>{`${apiKey.name} (${apiKey.prefix})`}</VisuallyHidden>
              </Button>
            )}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
