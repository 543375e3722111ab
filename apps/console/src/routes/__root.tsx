import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import type { AuthState } from "../app/auth-state.ts";
import { FramedRouteError, FramedRouteNotFound } from "../features/shell/framed.tsx";

/** What every route can use: the data cache and sign-in/sign-out. */
export type RouterContext = { queryClient: QueryClient; auth: AuthState };

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  // Above the signed-in frame, these bring the console's frame with them.
  errorComponent: FramedRouteError,
  notFoundComponent: FramedRouteNotFound,
});
