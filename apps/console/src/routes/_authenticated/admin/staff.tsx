import { createFileRoute } from "@tanstack/react-router";
import { staffQuery } from "../../../api/admin-staff.ts";
import { AdminTablePending } from "../../../features/admin/admin-table-pending.tsx";
import { StaffScreen } from "../../../features/admin/staff-screen.tsx";

export const Route = createFileRoute("/_authenticated/admin/staff")({
  loader: async ({ context }) => {
    await context.queryClient.ensureQueryData(staffQuery());
  },
  component: StaffScreen,
  pendingComponent: () => <AdminTablePending title="Staff" />,
});
