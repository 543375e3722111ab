import { createFileRoute, notFound } from "@tanstack/react-router";
import { accountQuery } from "../../../api/accounts.ts";
import { isApiProblem } from "../../../api/problem.ts";
import { AccountNotFound } from "../../../features/account/account-not-found.tsx";
import { AccountScreen } from "../../../features/account/account-screen.tsx";
import { AccountSearchSearch } from "../../../features/search/search-schema.ts";

/** One account. The search that led here stays in the URL so "Back to results" can return to it. */
export const Route = createFileRoute("/_authenticated/accounts/$accountId")({
  validateSearch: AccountSearchSearch,
  loader: async ({ context, params }) => {
    try {
      await context.queryClient.ensureQueryData(accountQuery(params.accountId));
    } catch (error) {
      if (isApiProblem(error) && error.code === "not_found") throw notFound();
      throw error;
    }
  },
  notFoundComponent: AccountNotFound,
  component: AccountScreen,
});
