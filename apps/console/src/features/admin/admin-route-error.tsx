import type { ErrorComponentProps } from "@tanstack/react-router";
import { RouteError } from "../route-states/route-error.tsx";
import { AdminRoleRequired, needsAdminRole } from "./admin-guard.ts";
import { AdminRequired } from "./admin-required.tsx";

/** An admin page that cannot be shown: the role page for a missing role, the usual error page otherwise. */
export function AdminRouteError(props: ErrorComponentProps) {
  if (needsAdminRole(props.error)) {
    return <AdminRequired refusedByServer={!(props.error instanceof AdminRoleRequired)} />;
  }
  return <RouteError {...props} />;
}
