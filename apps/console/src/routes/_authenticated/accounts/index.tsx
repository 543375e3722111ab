import { createFileRoute } from "@tanstack/react-router";
import { AccountSearchSearch } from "../../../features/search/search-schema.ts";
import { SearchScreen } from "../../../features/search/search-screen.tsx";

export const Route = createFileRoute("/_authenticated/accounts/")({
  validateSearch: AccountSearchSearch,
  component: SearchScreen,
});
