import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { hasRole } from "../../app/require-role.ts";

/** "Merges" in the main navigation, for supervisors and admins. */
export function MergesNavLink({ staff }: { staff: Staff }) {
  if (!hasRole(staff, "supervisor")) return null;
  return (
    <li>
      <Link to="/merges" className="nav-link" activeOptions={{ includeSearch: false }}>
        Merges
      </Link>
    </li>
  );
}
