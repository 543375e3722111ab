import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { hasRole } from "../../app/require-role.ts";

/** "Audit trail" in the main navigation, for supervisors and admins. */
export function AuditNavLink({ staff }: { staff: Staff }) {
  if (!hasRole(staff, "supervisor")) return null;
  return (
    <li>
      <Link to="/audit" className="nav-link" activeOptions={{ includeSearch: false }}>
        Audit trail
      </Link>
    </li>
  );
}
