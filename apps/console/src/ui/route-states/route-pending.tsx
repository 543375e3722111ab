import { Skeleton } from "../skeleton.tsx";

/** Shown while a page's data is on its way (only after a short delay, so fast pages never flash). */
export function RoutePending() {
  return (
    <div className="route-state" aria-busy="true">
      <p role="status" className="muted">
        Loading…
      </p>
      <Skeleton className="skeleton--title" />
      <Skeleton />
      <Skeleton className="skeleton--short" />
    </div>
  );
}
