import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { canReviewMerges } from "./merge-guard.ts";

/** "Merges" in the main navigation, for supervisors and admins. */
export function MergesNavLink({ staff }: { staff: Staff }) {
  if (!canReviewMerges(staff)) return null;
  return (
    <li>
      <Link to="/merges" className="nav-link" activeOptions={{ includeSearch: false }}>
        Merges
      </Link>
    </li>
  );
}
