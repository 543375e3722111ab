import type { AccountStatus, AccountSummary } from "@recovery-desk/shared";
import { type KeyboardEvent, type Ref, useState } from "react";
import { ResultItem } from "./result-item.tsx";

type ResultListProps = {
  accounts: AccountSummary[];
  search: { q?: string | undefined; status?: AccountStatus | undefined };
  listRef: Ref<HTMLOListElement>;
  /** Arrow Up on the first result: back to the search box. */
  onLeaveTop: () => void;
};

function resultLinks(list: HTMLElement): HTMLAnchorElement[] {
  return Array.from(list.querySelectorAll<HTMLAnchorElement>("a[data-result]"));
}

/**
 * The results as a list of links with one Tab stop (roving focus): Arrow Up/Down, Home and End move
 * between accounts, Enter opens one.
 */
export function ResultList({ accounts, search, listRef, onLeaveTop }: ResultListProps) {
  const [activeIndex, setActiveIndex] = useState(0);
  const tabbableIndex = Math.min(activeIndex, accounts.length - 1);

  function handleKeyDown(event: KeyboardEvent<HTMLOListElement>) {
    const links = resultLinks(event.currentTarget);
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (current === -1) return;
    let next: number | null = null;
    if (event.key === "ArrowDown") next = Math.min(current + 1, links.length - 1);
    else if (event.key === "ArrowUp") {
      if (current === 0) {
        event.preventDefault();
        onLeaveTop();
        return;
      }
      next = current - 1;
    } else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = links.length - 1;
    if (next === null) return;
    event.preventDefault();
    links[next]?.focus();
  }

  return (
    // Arrow keys bubble up here from the result links inside.
    <ol ref={listRef} className="result-list" aria-label="Matching accounts" onKeyDown={handleKeyDown}>
      {accounts.map((account, index) => (
        <ResultItem
          key={account.id}
          account={account}
          search={search}
          tabbable={index === tabbableIndex}
          onFocus={() => setActiveIndex(index)}
        />
      ))}
    </ol>
  );
}
