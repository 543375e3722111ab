import { createFileRoute, Outlet, redirect } from "@tanstack/react-router";
import { meQuery } from "../api/auth.ts";
import { isApiProblem } from "../api/problem.ts";
import { AppShell } from "../features/shell/app-shell.tsx";

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
});

function AuthenticatedLayout() {
  const { staff } = Route.useRouteContext();
  return (
    <AppShell staff={staff}>
      <Outlet />
    </AppShell>
  );
}
