import { createFileRoute } from "@tanstack/react-router";
import { webhooksQuery } from "../../../api/admin-webhooks.ts";
import { AdminTablePending } from "../../../features/admin/admin-table-pending.tsx";
import { WebhooksScreen } from "../../../features/admin/webhooks-screen.tsx";

export const Route = createFileRoute("/_authenticated/admin/webhooks")({
  loader: async ({ context }) => {
    await context.queryClient.ensureQueryData(webhooksQuery());
  },
  component: WebhooksScreen,
  pendingComponent: () => <AdminTablePending title="Webhooks" />,
});
