import "./audit.css";
import type { AuditEvent } from "@recovery-desk/shared";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { AuditExport } from "./audit-export.tsx";
import { AuditFilterBar } from "./audit-filters.tsx";
import { AuditResults } from "./audit-results.tsx";
import { ChainPanel } from "./chain-panel.tsx";

const routeApi = getRouteApi("/_authenticated/audit");

/** One event's moment as a filter: from its time up to the next millisecond. */
function momentOf(event: AuditEvent) {
  return { from: event.occurredAt, to: new Date(Date.parse(event.occurredAt) + 1).toISOString() };
}

/**
 * The audit trail for supervisors: is the chain intact, which events match the filters (all in the
 * URL), each event in full, and the filtered set as a file for an auditor.
 */
export function AuditScreen() {
  const filters = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="stack stack--lg">
      <title>Audit trail — Recovery Desk</title>
      <header className="stack">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          Audit trail
        </h1>
        <p className="muted">
          Who did what to an account, when and why. Every event is chained to the one before it by its hash, so a change
          after the fact shows up in a chain check.
        </p>
      </header>
      <div className="audit-overview">
        <ChainPanel onShowEvent={(event) => navigate({ search: momentOf(event) })} />
        <AuditExport filters={filters} />
      </div>
      <AuditFilterBar
        filters={filters}
        onChange={(change) => navigate({ search: (prev) => ({ ...prev, ...change }), replace: true })}
        onClear={() => navigate({ search: {}, replace: true })}
      />
      <AuditResults filters={filters} onClearFilters={() => navigate({ search: {}, replace: true })} />
    </div>
  );
}
