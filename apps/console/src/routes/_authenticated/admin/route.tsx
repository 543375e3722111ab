import { createFileRoute } from "@tanstack/react-router";
import { AdminRoleRequired, isAdmin } from "../../../features/admin/admin-guard.ts";
import { AdminLayout } from "../../../features/admin/admin-layout.tsx";
import { AdminRouteError } from "../../../features/admin/admin-route-error.tsx";

/** Every admin page. Without the admin role nothing loads: the page explains which role is needed. */
export const Route = createFileRoute("/_authenticated/admin")({
  beforeLoad: ({ context }) => {
    if (!isAdmin(context.staff)) throw new AdminRoleRequired();
  },
  component: AdminLayout,
  errorComponent: AdminRouteError,
});
