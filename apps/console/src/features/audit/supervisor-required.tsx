import "./audit.css";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Button } from "../../ui/button.tsx";
import { ShieldIcon } from "../../ui/icons.tsx";

const authenticatedRoute = getRouteApi("/_authenticated");

/**
 * What an agent sees at the audit page's address: which role is needed, which role they have, and
 * where to go instead. `refusedByServer` when the API said 403 although the console thought the
 * role was enough (the role changed during the session).
 */
export function SupervisorRequired({ refusedByServer = false }: { refusedByServer?: boolean }) {
  const { staff } = authenticatedRoute.useRouteContext();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="route-state stack role-required">
      <title>Supervisor role needed — Recovery Desk</title>
      <ShieldIcon className="role-required__icon" />
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        You need the supervisor role
      </h1>
      <p>The audit trail (who did what to an account, when and why) is for supervisors and admins.</p>
      {refusedByServer ? (
        <p>
          The service refused because your role no longer includes it. Sign out and in again to see what your role
          allows now.
        </p>
      ) : (
        <p>
          You are signed in as {staff.displayName}, with the {ROLE_LABELS[staff.role]} role. If a caller's account
          history is what you need, open the account: its history is on the account page.
        </p>
      )}
      <div className="cluster">
        <Button variant="primary" asChild>
          <Link to="/accounts">Go to account search</Link>
        </Button>
      </div>
    </div>
  );
}
