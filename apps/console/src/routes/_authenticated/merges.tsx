import { createFileRoute } from "@tanstack/react-router";
import { mergesQuery } from "../../api/merges.ts";
import { requireRole } from "../../app/require-role.ts";
import { MergesSearch } from "../../features/merges/merge-search.ts";
import { MergesScreen } from "../../features/merges/merges-screen.tsx";

/** Merges for supervisors and admins to approve, reject or undo; waiting ones first. An agent is told which role it needs. */
export const Route = createFileRoute("/_authenticated/merges")({
  validateSearch: MergesSearch,
  staticData: {
    roleRequired: {
      what: "Merges (approving, rejecting and undoing proposed account merges) are for supervisors and admins.",
      advice: "If two accounts belong to the same caller, propose a merge from the account page: a supervisor decides.",
    },
  },
  beforeLoad: requireRole("supervisor"),
  loaderDeps: ({ search }) => ({ status: search.status ?? "pending_approval", view: search.view }),
  loader: async ({ context, deps }) => {
    // The clusters view shows its own loading and error states, so it does not hold up the page.
    if (deps.view === "clusters") return;
    await context.queryClient.ensureQueryData(mergesQuery(deps.status));
  },
  component: MergesScreen,
});
