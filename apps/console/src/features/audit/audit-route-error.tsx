import type { ErrorComponentProps } from "@tanstack/react-router";
import { RouteError } from "../route-states/route-error.tsx";
import { needsSupervisorRole, SupervisorRoleRequired } from "./audit-guard.ts";
import { SupervisorRequired } from "./supervisor-required.tsx";

/** The audit page cannot be shown: the role page for a missing role, the usual error page otherwise. */
export function AuditRouteError(props: ErrorComponentProps) {
  if (needsSupervisorRole(props.error)) {
    return <SupervisorRequired refusedByServer={!(props.error instanceof SupervisorRoleRequired)} />;
  }
  return <RouteError {...props} />;
}
