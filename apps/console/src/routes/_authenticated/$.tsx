import { createFileRoute } from "@tanstack/react-router";
import { RouteNotFound } from "../../ui/route-states/route-not-found.tsx";

/** Any address no page answers: "Page not found" inside the signed-in frame (after sign-in, like every page). */
export const Route = createFileRoute("/_authenticated/$")({
  component: RouteNotFound,
});
