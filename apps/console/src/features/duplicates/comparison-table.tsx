import type { AccountDetail, AccountSummary } from "@recovery-desk/shared";
import { comparisonRows } from "./duplicate-words.ts";

type ComparisonTableProps = { account: AccountDetail; candidates: AccountSummary[] };

/** The open account and its candidates side by side; a value unlike the open account's says so in words. */
export function ComparisonTable({ account, candidates }: ComparisonTableProps) {
  const columns = [account, ...candidates];
  const rows = comparisonRows(columns);
  return (
    <div className="table-scroll">
      <table className="comparison-table">
        <caption>Side by side: this account and the other accounts at its address</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {columns.map((column, index) => (
              <th key={column.id} scope="col">
                {column.username}
                {index === 0 ? " (this account)" : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, index) => (
                <td key={columns[index]?.id} data-differs={row.differs[index] ? "" : undefined}>
                  {value}
                  {row.differs[index] ? <span className="comparison-table__differs"> (differs)</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
