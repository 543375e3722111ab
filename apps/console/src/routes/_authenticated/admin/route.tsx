import { createFileRoute } from "@tanstack/react-router";
import { requireRole } from "../../../app/require-role.ts";
import { AdminLayout } from "../../../features/admin/admin-layout.tsx";

/** Every admin page. Without the admin role nothing loads: the page explains which role is needed. */
export const Route = createFileRoute("/_authenticated/admin")({
  staticData: {
    roleRequired: {
      what: "Administration (API keys, staff accounts and webhooks) is for admins only.",
      advice: "If you need an API key, a webhook or a change to someone's access, ask an admin.",
    },
  },
  beforeLoad: requireRole("admin"),
  component: AdminLayout,
});
