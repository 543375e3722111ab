import { GoToSearch } from "./go-to-search.tsx";

/** A web address the console does not know; shown inside the app frame, with the way back to search. */
export function RouteNotFound() {
  return (
    <div className="route-state stack">
      <title>Page not found — Recovery Desk</title>
      <h1 className="page-title">Page not found</h1>
      <p>There is no page at this address. It may have been typed wrong or moved.</p>
      <div className="cluster">
        <GoToSearch />
      </div>
    </div>
  );
}
