import type { ReactNode } from "react";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";

type AdminTableProps = {
  /** What the rows are and in which order, for screen readers. */
  caption: string;
  /** The column headings; a last, unnamed-on-screen "Actions" column follows them. */
  columns: string[];
  /** The rows. */
  children: ReactNode;
};

/** A table of the admin page: its rows under the given columns and an actions column, scrolling sideways when narrow. */
export function AdminTable({ caption, columns, children }: AdminTableProps) {
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <caption>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            <th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
