import { type QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import type { AppRouter } from "./create-app.ts";

/**
 * The whole console: data cache and the router. (Tooltips bring their own provider, see
 * ui/tooltip.tsx, so their code loads with the pages that show one, not with the sign-in page.)
 */
export function App({ queryClient, router }: { queryClient: QueryClient; router: AppRouter }) {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
