import { getRouteApi, Link } from "@tanstack/react-router";
import { Button } from "../../ui/button.tsx";

const routeApi = getRouteApi("/_authenticated/accounts/$accountId");

/** An account id that does not exist: a mistyped link, most likely. */
export function AccountNotFound() {
  const { accountId } = routeApi.useParams();
  const search = routeApi.useSearch();
  return (
    <div className="route-state stack">
      <title>Account not found — Recovery Desk</title>
      <h1 className="page-title">Account not found</h1>
      <p>
        There is no account with the id <code className="reference">{accountId}</code>. The link may be wrong; search
        for the caller instead.
      </p>
      <div className="cluster">
        <Button variant="primary" asChild>
          <Link to="/accounts" search={search}>
            Go to account search
          </Link>
        </Button>
      </div>
    </div>
  );
}
