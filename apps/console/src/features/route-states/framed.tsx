import type { ErrorComponentProps } from "@tanstack/react-router";
import { Frame } from "../shell/frame.tsx";
import { RouteError } from "./route-error.tsx";
import { RouteNotFound } from "./route-not-found.tsx";

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
