import type { QueryClient } from "@tanstack/react-query";
import { createRouter, type RouterHistory } from "@tanstack/react-router";
import { authKeys } from "../api/auth.ts";
import { routeTree } from "../routeTree.gen.ts";
import { RouteError } from "../ui/route-states/route-error.tsx";
import { RouteNotFound } from "../ui/route-states/route-not-found.tsx";
import { RoutePending } from "../ui/route-states/route-pending.tsx";
import { createAuthState } from "./auth-state.ts";
import { createQueryClient } from "./query-client.ts";
import { parseSearch, stringifySearch } from "./search-params.ts";

/** Builds the query client and the router together; the browser entry and the tests both use it. */
export function createApp({ history }: { history?: RouterHistory } = {}) {
  const queryClient: QueryClient = createQueryClient({
    onSessionEnded: () => {
      // The session timed out mid-call: send the agent to sign in and bring them back here after.
      queryClient.removeQueries({ queryKey: authKeys.me });
      const { pathname, href } = router.state.location;
      if (pathname === "/login") return;
      void router.navigate({ to: "/login", search: { redirect: href, session: "ended" } });
    },
  });

  const router = createRouter({
    routeTree,
    ...(history ? { history } : {}),
    context: { queryClient, auth: createAuthState(queryClient) },
    parseSearch,
    stringifySearch,
    defaultPreload: "intent",
    // The query client decides freshness; the router always asks it.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: RouteNotFound,
    scrollRestoration: true,
  });

  return { queryClient, router };
}

export type AppRouter = ReturnType<typeof createApp>["router"];

declare module "@tanstack/react-router" {
  interface Register {
    router: AppRouter;
  }
}
