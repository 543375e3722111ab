import { getRouteApi, Link } from "@tanstack/react-router";
import { hasRole } from "../../app/require-role.ts";

const authenticatedRoute = getRouteApi("/_authenticated");

/** Said to screen readers when a search finds nothing because nothing is loaded. */
export const NO_ACCOUNTS_YET = "No accounts have been loaded yet.";

/**
 * What search shows on an install with no accounts at all, instead of "no match": nothing is
 * loaded yet, and for an admin, the two ways to load accounts from the system of record.
 */
export function NoAccountsYet() {
  const { staff } = authenticatedRoute.useRouteContext();
  return (
    <div className="empty-state stack">
      <h3 className="section__title">No accounts yet</h3>
      <p>
        No customer accounts have been loaded into Recovery Desk, so no search can find one yet.
        {hasRole(staff, "admin") ? null : " Ask an administrator to load them."}
      </p>
      {hasRole(staff, "admin") ? (
        <>
          <p>Load them from the system of record, either way:</p>
          <ul>
            <li>
              Account by account over the API: <code>PUT /api/v1/accounts/by-username/&lt;username&gt;</code>, with an{" "}
              <Link to="/admin/api-keys">API key</Link> that has the <code>accounts:write</code> scope (
              <a href="/api/docs">API reference</a>).
            </li>
            <li>
              All at once, on the server: <code>pnpm accounts:import accounts.ndjson</code> (NDJSON or CSV).
            </li>
          </ul>
          <p className="muted">The README section “Loading accounts” has the fields and an example.</p>
        </>
      ) : null}
    </div>
  );
}
