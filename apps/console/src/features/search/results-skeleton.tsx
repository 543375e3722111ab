import { Skeleton } from "../../ui/skeleton.tsx";

/** Three grey result cards while the search runs; the words "Searching…" are announced beside it. */
export function ResultsSkeleton() {
  return (
    <ul className="result-list" aria-hidden="true">
      {[0, 1, 2].map((row) => (
        <li key={row} className="result result--skeleton">
          <Skeleton className="skeleton--title" />
          <Skeleton className="skeleton--short" />
          <Skeleton />
        </li>
      ))}
    </ul>
  );
}
