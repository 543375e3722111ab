import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { isApiProblem } from "../api/problem.ts";

type QueryClientHooks = {
  /** Called when any call (other than the session check itself) finds the session gone. */
  onSessionEnded: () => void;
};

function isSessionEnded(error: unknown): boolean {
  return isApiProblem(error) && error.code === "unauthenticated";
}

/**
 * Agents are on a live call: answers stay fresh for 30 seconds, a problem the request caused (4xx)
 * is shown at once, and only a lost connection or a server fault is tried once more.
 */
export function createQueryClient({ onSessionEnded }: QueryClientHooks): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isSessionEnded(error) && !query.meta?.sessionCheck) onSessionEnded();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isSessionEnded(error)) onSessionEnded();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiProblem(error) && error.isClientError) && failureCount < 1,
        retryDelay: 300,
      },
      mutations: { retry: false },
    },
  });
}
