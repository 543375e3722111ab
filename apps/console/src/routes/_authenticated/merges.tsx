import { createFileRoute } from "@tanstack/react-router";
import { mergesQuery } from "../../api/merges.ts";
import { canReviewMerges } from "../../features/merges/merge-guard.ts";
import { MergesSearch } from "../../features/merges/merge-search.ts";
import { MergesScreen } from "../../features/merges/merges-screen.tsx";

/** Merges for supervisors and admins to approve, reject or undo; waiting ones first. */
export const Route = createFileRoute("/_authenticated/merges")({
  validateSearch: MergesSearch,
  loaderDeps: ({ search }) => ({ status: search.status ?? "pending_approval", view: search.view }),
  loader: async ({ context, deps }) => {
    if (!canReviewMerges(context.staff)) return;
    // The clusters view shows its own loading and error states, so it does not hold up the page.
    if (deps.view === "clusters") return;
    await context.queryClient.ensureQueryData(mergesQuery(deps.status));
  },
  component: MergesScreen,
});
