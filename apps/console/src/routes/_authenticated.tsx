import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { meQuery } from "../api/auth.ts";
import { isApiProblem } from "../api/problem.ts";
import { AppShell } from "../features/shell/app-shell.tsx";
import { FramedRouteError } from "../features/shell/framed.tsx";

/** Every page behind sign-in. Nobody signed in: off to /login, and back here afterwards. */
export const Route = createFileRoute("/_authenticated")({
  beforeLoad: async ({ context, location }) => {
    try {
      const staff = await context.queryClient.ensureQueryData(meQuery());
      return { staff };
    } catch (error) {
      if (isApiProblem(error) && error.status === 401) {
        throw redirect({ to: "/login", search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: AuthenticatedLayout,
  // The session check failed (not a 401): the page says so in the console's frame, with Try again.
  errorComponent: FramedRouteError,
});

function AuthenticatedLayout() {
  const { staff } = Route.useRouteContext();
  return (
    <AppShell staff={staff}>
      <Outlet />
    </AppShell>
  );
}
