import "./comparison-table.css";
import type { AccountDetail, AccountSummary } from "@recovery-desk/shared";
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { comparisonRows } from "./duplicate-words.ts";

type ComparisonTableProps = {
  /** The account the others are compared with, first, then the others. */
  accounts: (AccountSummary | AccountDetail)[];
  /** Names the table (and its scroll area) for screen readers and shows above it. */
  caption: string;
  /** What each column's heading says after the username, by position, e.g. ["this account"]; none past the end. */
  roles: string[];
};

/**
 * Accounts side by side, one row per field, the first account in the first column. A value unlike the
 * first account's is marked "differs" in words, and tinted and outlined, so it is not told by colour
 * alone. The table scrolls sideways on its own when narrow; its scroll area takes the keyboard then.
 */
export function ComparisonTable({ accounts, caption, roles }: ComparisonTableProps) {
  const captionId = useId();
  const rows = comparisonRows(accounts);
  const scrollRef = useRef<HTMLElement>(null);
  const scrolls = useScrollsSideways(scrollRef);
  return (
    <section
      ref={scrollRef}
      className="comparison-scroll"
      aria-labelledby={captionId}
      // Only a scroll area that scrolls is a Tab stop: the arrow keys then move it (WCAG 2.1.1).
      tabIndex={scrolls ? 0 : undefined}
    >
      <table className="comparison-table">
        <caption id={captionId} className="comparison-table__caption">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            {accounts.map((account, index) => (
              <th key={account.id} scope="col">
                {account.username}
                {roles[index] ? <span className="comparison-table__role"> ({roles[index]})</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.values.map((value, index) => (
                <td key={accounts[index]?.id} data-differs={row.differs[index] ? "" : undefined}>
                  {value}
                  {row.differs[index] ? (
                    <span className="comparison-table__differs">
                      <VisuallyHidden> (</VisuallyHidden>
                      differs
                      <VisuallyHidden>)</VisuallyHidden>
                    </span>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Whether the element is narrower than its content, kept up to date as it resizes. */
function useScrollsSideways(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
