import type { Webhook } from "@recovery-desk/shared";
import { formatDate, plural } from "../../lib/format.ts";
import { Badge } from "../../ui/badge.tsx";
import { Button } from "../../ui/button.tsx";
import { AlertIcon } from "../../ui/icons.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { AdminTable } from "./admin-table.tsx";

type WebhookTableProps = {
  webhooks: Webhook[];
  /** The webhook whose deliveries are shown below the table, if any. */
  showing: string | null;
  onShowDeliveries: (webhook: Webhook) => void;
  /** The Delete button was pressed; the button is passed so focus can return to it. */
  onDelete: (webhook: Webhook, button: HTMLButtonElement) => void;
};

/** Every webhook: where it sends, which events, who added it, and how its deliveries stand. */
export function WebhookTable({ webhooks, showing, onShowDeliveries, onDelete }: WebhookTableProps) {
  return (
    <AdminTable caption="Webhooks, newest first" columns={["Address", "Events", "Added", "Deliveries"]}>
      {webhooks.map((webhook) => (
        <tr key={webhook.id}>
          <th scope="row" className="admin-table__name">
            <code className="webhook-url">{webhook.url}</code>
          </th>
          <td>
            <ul className="plain-list badge-list">
              {webhook.events.map((event) => (
                <li key={event}>
                  <Badge tone="info" className="scope-badge">
                    {event}
                  </Badge>
                </li>
              ))}
            </ul>
          </td>
          <td>
            <time dateTime={webhook.createdAt}>{formatDate(webhook.createdAt)}</time>
            <span className="admin-table__sub">
              {webhook.createdBy ? `by ${webhook.createdBy}` : "adder not recorded"}
            </span>
          </td>
          <td>
            {webhook.failed > 0 ? (
              <Badge tone="danger" icon={<AlertIcon />}>
                {`${webhook.failed} failed`}
              </Badge>
            ) : null}
            <span className="admin-table__sub">
              {webhook.pending > 0 ? `${plural(webhook.pending, "delivery", "deliveries")} waiting` : "None waiting"}
            </span>
          </td>
          <td className="admin-table__actions">
            <div className="cluster">
              <Button size="sm" aria-pressed={showing === webhook.id} onClick={() => onShowDeliveries(webhook)}>
                Deliveries <VisuallyHidden>{`to ${webhook.url}`}</VisuallyHidden>
              </Button>
              <Button size="sm" onClick={(event) => onDelete(webhook, event.currentTarget)}>
                Delete <VisuallyHidden>{`webhook ${webhook.url}`}</VisuallyHidden>
              </Button>
            </div>
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
