import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { hasRole } from "../../app/require-role.ts";

/** "Administration" in the main navigation, for admins only. */
export function AdminNavLink({ staff }: { staff: Staff }) {
  if (!hasRole(staff, "admin")) return null;
  return (
    <li>
      <Link to="/admin" className="nav-link">
        Administration
      </Link>
    </li>
  );
}
