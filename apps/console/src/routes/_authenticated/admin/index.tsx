import { createFileRoute, redirect } from "@tanstack/react-router";

/** Administration opens on the API keys. */
export const Route = createFileRoute("/_authenticated/admin/")({
  beforeLoad: () => {
    throw redirect({ to: "/admin/api-keys", replace: true });
  },
});
