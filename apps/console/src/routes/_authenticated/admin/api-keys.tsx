import { createFileRoute } from "@tanstack/react-router";
import { apiKeysQuery } from "../../../api/admin-api-keys.ts";
import { AdminTablePending } from "../../../features/admin/admin-table-pending.tsx";
import { ApiKeysScreen } from "../../../features/admin/api-keys-screen.tsx";

export const Route = createFileRoute("/_authenticated/admin/api-keys")({
  loader: async ({ context }) => {
    await context.queryClient.ensureQueryData(apiKeysQuery());
  },
  component: ApiKeysScreen,
  pendingComponent: () => <AdminTablePending title="API keys" />,
});
