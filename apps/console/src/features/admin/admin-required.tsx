import "./admin.css";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Button } from "../../ui/button.tsx";
import { ShieldIcon } from "../../ui/icons.tsx";

const authenticatedRoute = getRouteApi("/_authenticated");

/**
 * What someone without the admin role sees at an admin address: which role is needed, which role
 * they have, and where to go instead. `refusedByServer` when the API said 403 although the console
 * thought the role was enough (the role changed during the session).
 */
export function AdminRequired({ refusedByServer = false }: { refusedByServer?: boolean }) {
  const { staff } = authenticatedRoute.useRouteContext();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="route-state stack admin-required">
      <title>Admin role needed — Recovery Desk</title>
      <ShieldIcon className="admin-required__icon" />
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        You need the admin role
      </h1>
      <p>Administration (API keys and staff accounts) is for admins only.</p>
      {refusedByServer ? (
        <p>
          The service refused because your role no longer includes it. Sign out and in again to see what your role
          allows now.
        </p>
      ) : (
        <p>
          You are signed in as {staff.displayName}, with the {ROLE_LABELS[staff.role]} role. If you need an API key or a
          change to someone's access, ask an admin.
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
