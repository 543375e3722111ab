import { createFileRoute } from "@tanstack/react-router";
import { chainStateQuery } from "../../api/audit.ts";
import { canReviewAudit, SupervisorRoleRequired } from "../../features/audit/audit-guard.ts";
import { AuditPending } from "../../features/audit/audit-pending.tsx";
import { AuditRouteError } from "../../features/audit/audit-route-error.tsx";
import { AuditScreen } from "../../features/audit/audit-screen.tsx";
import { AuditSearch } from "../../features/audit/audit-search.ts";

/** The audit trail, for supervisors and admins. An agent is told which role it needs; nothing is asked of the API. */
export const Route = createFileRoute("/_authenticated/audit")({
  validateSearch: AuditSearch,
  beforeLoad: ({ context }) => {
    if (!canReviewAudit(context.staff)) throw new SupervisorRoleRequired();
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(chainStateQuery()),
  component: AuditScreen,
  pendingComponent: AuditPending,
  errorComponent: AuditRouteError,
});
