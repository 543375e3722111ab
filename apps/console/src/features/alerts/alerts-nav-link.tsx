import type { Staff } from "@recovery-desk/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { openAlertCountQuery } from "../../api/alert-count.ts";
import { hasRole } from "../../app/require-role.ts";
import { Badge } from "../../ui/badge.tsx";

/** "Alerts" in the main navigation, for supervisors and admins, named with how many are open: "Alerts, 3 open". */
export function AlertsNavLink({ staff }: { staff: Staff }) {
  if (!hasRole(staff, "supervisor")) return null;
  return <AlertsLink />;
}

function AlertsLink() {
  const { data: open } = useQuery(openAlertCountQuery());
  const name = open === undefined ? undefined : `Alerts, ${open || "none"} open`;
  return (
    <li>
      <Link to="/alerts" className="nav-link" activeOptions={{ includeSearch: false }} aria-label={name}>
        Alerts
        {open ? (
          <>
            {" "}
            <Badge tone="warning">{open}</Badge>
          </>
        ) : null}
      </Link>
    </li>
  );
}
