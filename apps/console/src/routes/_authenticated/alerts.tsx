import { createFileRoute } from "@tanstack/react-router";
import { requireRole } from "../../app/require-role.ts";
import { AlertsScreen } from "../../features/alerts/alerts-screen.tsx";
import { AlertsSearch } from "../../features/alerts/alerts-search.ts";

/**
 * Alerts for supervisors and admins to look into and acknowledge; open ones first. An agent is told
 * which role it needs. The list loads with the page (its own loading state), so the route stays small.
 */
export const Route = createFileRoute("/_authenticated/alerts")({
  validateSearch: AlertsSearch,
  staticData: {
    roleRequired: {
      what: "Alerts are for supervisors and admins.",
      advice: "If something on a call looks wrong, tell a supervisor.",
    },
  },
  beforeLoad: requireRole("supervisor"),
  component: AlertsScreen,
});
