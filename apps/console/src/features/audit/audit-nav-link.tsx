import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { canReviewAudit } from "./audit-guard.ts";

/** "Audit trail" in the main navigation, for supervisors and admins. */
export function AuditNavLink({ staff }: { staff: Staff }) {
  if (!canReviewAudit(staff)) return null;
  return (
    <li>
      <Link to="/audit" className="nav-link" activeOptions={{ includeSearch: false }}>
        Audit trail
      </Link>
    </li>
  );
}
