import { Skeleton } from "../../ui/skeleton.tsx";

/**
 * While the audit page loads: its title and a few grey rows where the chain state and the table will
 * be. It ships with the first page load, so it uses only the console's shared styles.
 */
export function AuditPending() {
  return (
    <div className="stack stack--lg" aria-busy="true">
      <h1 className="page-title">Audit trail</h1>
      <p role="status" className="muted">
        Loading the audit trail…
      </p>
      <div className="stack">
        {["a", "b", "c", "d"].map((row) => (
          <Skeleton key={row} />
        ))}
      </div>
    </div>
  );
}
