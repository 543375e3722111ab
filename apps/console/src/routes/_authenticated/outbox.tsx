import { createFileRoute, notFound } from "@tanstack/react-router";
import { outboxQuery } from "../../api/outbox.ts";
import { isApiProblem } from "../../api/problem.ts";
import { OutboxScreen } from "../../features/outbox/outbox-screen.tsx";

/** Demo only: the messages a caller would have received. Outside demo mode the API answers 404, and so does this page. */
export const Route = createFileRoute("/_authenticated/outbox")({
  loader: async ({ context }) => {
    try {
      await context.queryClient.ensureQueryData(outboxQuery());
    } catch (error) {
      if (isApiProblem(error) && error.code === "not_found") throw notFound();
      throw error;
    }
  },
  component: OutboxScreen,
});
