import { Skeleton } from "../../ui/skeleton.tsx";

/** While an admin list loads: the page title and a few grey rows where the table will be. */
export function AdminTablePending({ title }: { title: string }) {
  return (
    <div className="stack stack--lg" aria-busy="true">
      <h1 className="page-title">{title}</h1>
      <p role="status" className="muted">
        Loading {title.toLowerCase()}…
      </p>
      <div className="admin-table-skeleton">
        {["a", "b", "c", "d"].map((row) => (
          <Skeleton key={row} />
        ))}
      </div>
    </div>
  );
}
