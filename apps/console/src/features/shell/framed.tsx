import type { ErrorComponentProps } from "@tanstack/react-router";
import { RouteError } from "../../ui/route-states/route-error.tsx";
import { RouteNotFound } from "../../ui/route-states/route-not-found.tsx";
import { Frame } from "./frame.tsx";

/**
 * What the routes above the signed-in frame show when they cannot go on (the session check failed,
 * an address outside every page): the same page in the console's frame, never on a bare page.
 */
export function FramedRouteError(props: ErrorComponentProps) {
  return (
    <Frame>
      <RouteError {...props} />
    </Frame>
  );
}

export function FramedRouteNotFound() {
  return (
    <Frame>
      <RouteNotFound />
    </Frame>
  );
}
