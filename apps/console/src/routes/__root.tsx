import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import type { AuthState } from "../app/auth-state.ts";
import { RouteNotFound } from "../features/route-states/route-not-found.tsx";

/** What every route can use: the data cache and sign-in/sign-out. */
export type RouterContext = { queryClient: QueryClient; auth: AuthState };

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: RouteNotFound,
});
