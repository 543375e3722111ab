import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { isAdmin } from "./admin-guard.ts";

/** "Administration" in the main navigation, for admins only. */
export function AdminNavLink({ staff }: { staff: Staff }) {
  if (!isAdmin(staff)) return null;
  return (
    <li>
      <Link to="/admin" className="nav-link">
        Administration
      </Link>
    </li>
  );
}
