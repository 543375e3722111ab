import { createFileRoute, redirect } from "@tanstack/react-router";

/** The console opens on account search: that is where every call starts. */
export const Route = createFileRoute("/_authenticated/")({
  beforeLoad: () => {
    throw redirect({ to: "/accounts", replace: true });
  },
});
