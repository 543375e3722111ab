import { Skeleton } from "../../ui/skeleton.tsx";

/** Three grey entries while the history is on its way. */
export function HistorySkeleton() {
  return (
    <ul className="plain-list history__list" aria-hidden="true">
      {[0, 1, 2].map((row) => (
        <li key={row} className="history__entry">
          <Skeleton className="skeleton--short" />
          <div className="history__body">
            <Skeleton />
            <Skeleton className="skeleton--short" />
          </div>
        </li>
      ))}
    </ul>
  );
}
