import { createFileRoute } from "@tanstack/react-router";
import { chainStateQuery } from "../../api/audit.ts";
import { requireRole } from "../../app/require-role.ts";
import { AuditPending } from "../../features/audit/audit-pending.tsx";
import { AuditScreen } from "../../features/audit/audit-screen.tsx";
import { AuditSearch } from "../../features/audit/audit-search.ts";

/** The audit trail, for supervisors and admins. An agent is told which role it needs; nothing is asked of the API. */
export const Route = createFileRoute("/_authenticated/audit")({
  validateSearch: AuditSearch,
  staticData: {
    roleRequired: {
      what: "The audit trail (who did what to an account, when and why) is for supervisors and admins.",
      advice: "If a caller's account history is what you need, open the account: its history is on the account page.",
    },
  },
  beforeLoad: requireRole("supervisor"),
  loader: ({ context }) => context.queryClient.ensureQueryData(chainStateQuery()),
  component: AuditScreen,
  pendingComponent: AuditPending,
});
