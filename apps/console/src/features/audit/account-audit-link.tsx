import "./account-audit-link.css";
import { getRouteApi, Link } from "@tanstack/react-router";
import { hasRole } from "../../app/require-role.ts";
import { HistoryIcon } from "../../ui/icons.tsx";

const authenticatedRoute = getRouteApi("/_authenticated");

/** On the account page, for supervisors and admins: the full audit trail of this account. */
export function AccountAuditLink({ accountId }: { accountId: string }) {
  const { staff } = authenticatedRoute.useRouteContext();
  if (!hasRole(staff, "supervisor")) return null;
  return (
    <p>
      <Link to="/audit" search={{ accountId }} className="account-audit-link">
        <HistoryIcon />
        Audit events for this account
      </Link>
    </p>
  );
}
