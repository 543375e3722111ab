import type { ListedAuditEvent } from "@recovery-desk/shared";
import { useTable } from "@tanstack/react-table";
import { defaultRangeExtractor, type Range, useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from "react";
import { useFocusAfterRender } from "../../lib/use-focus-after-render.ts";
import { Kbd } from "../../ui/kbd.tsx";
import { auditColumns, auditTableFeatures } from "./audit-columns.tsx";

/** A row's height before it is measured (one line of text plus padding). */
const ROW_ESTIMATE = 44;
/** Rows drawn beyond the visible ones, so fast scrolling shows no blank space. */
const OVERSCAN = 10;
/** How close to the last loaded row the next page is asked for. */
const LOAD_AHEAD_ROWS = 20;
/** Rows Page Up and Page Down move by. */
const PAGE_ROWS = 10;

export type AuditTableHandle = {
  /** Moves the keyboard to the event's row, if it is in the table; false when it is not. */
  focusEvent: (seq: number) => boolean;
};

type AuditTableProps = {
  events: ListedAuditEvent[];
  /** False while more pages may follow: the row count is then unknown. */
  complete: boolean;
  onOpen: (event: ListedAuditEvent) => void;
  /** Called when the last rows come into view and the next page should be read. */
  onNearEnd: () => void;
  handleRef?: Ref<AuditTableHandle>;
};

/**
 * The audit trail as a grid of which only the rows in view are drawn. The table is one Tab stop:
 * Arrow Up/Down, Home, End, Page Up/Down move between rows (roving focus), Enter opens the event.
 * The focused row is always drawn, even when scrolled away, so focus is never lost.
 */
export function AuditTable({ events, complete, onOpen, onNearEnd, handleRef }: AuditTableProps) {
  const table = useTable({
    features: auditTableFeatures,
    columns: auditColumns,
    data: events,
    getRowId: (event) => event.id,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(ROW_ESTIMATE);
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, rows.length - 1);
  const focusAfterRender = useFocusAfterRender();

  useEffect(() => {
    if (headRef.current) setHeadHeight(headRef.current.offsetHeight || ROW_ESTIMATE);
  }, []);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active >= 0 && !indexes.includes(active)) return [...indexes, active].sort((a, b) => a - b);
      return indexes;
    },
    [active],
  );

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: OVERSCAN,
    // Rows sit below the sticky header: count it in their positions, and keep it clear when scrolling to a row.
    paddingStart: headHeight,
    scrollPaddingStart: headHeight,
    rangeExtractor,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (!complete && lastDrawn >= rows.length - 1 - LOAD_AHEAD_ROWS) onNearEnd();
  }, [complete, lastDrawn, rows.length, onNearEnd]);

  function moveTo(index: number) {
    const next = Math.max(0, Math.min(index, rows.length - 1));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: "auto" });
    focusAfterRender(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${next}"]`));
  }

  useImperativeHandle(handleRef, () => ({
    focusEvent(seq) {
      const index = rows.findIndex((row) => row.original.seq === seq);
      if (index === -1) return false;
      moveTo(index);
      return true;
    },
  }));

  function handleKeyDown(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: rows.length - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const row = rows[index];
      if (row) onOpen(row.original);
    }
  }

  return (
    <div className="stack">
      <p id="audit-table-keys" className="field__hint">
        <Kbd>↑</Kbd> <Kbd>↓</Kbd> move between events, <Kbd>Enter</Kbd> opens one. More events load as you reach the
        end.
      </p>
      <div ref={scrollRef} className="audit-table__scroller">
        <table
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: ARIA in HTML allows "grid" on a table; it makes screen readers pass the arrow keys to the rows
          role="grid"
          aria-label="Audit events, newest first"
          aria-describedby="audit-table-keys"
          aria-rowcount={complete ? rows.length + 1 : -1}
          aria-readonly="true"
          className="audit-table"
        >
          <thead ref={headRef} className="audit-table__head">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1} className="audit-table__row">
                {group.headers.map((header) => (
                  <th key={header.id} scope="col" className={`audit-table__cell audit-col--${header.column.id}`}>
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="audit-table__body" style={{ height: virtualizer.getTotalSize() - headHeight }}>
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <tr
                  key={row.id}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  aria-rowindex={item.index + 2}
                  tabIndex={item.index === active ? 0 : -1}
                  className="audit-table__row audit-table__row--event"
                  style={{ transform: `translateY(${item.start - headHeight}px)` }}
                  onFocus={() => setActiveIndex(item.index)}
                  onKeyDown={(event) => handleKeyDown(event, item.index)}
                  onClick={() => {
                    setActiveIndex(item.index);
                    onOpen(row.original);
                  }}
                >
                  {row.getAllCells().map((cell) => (
                    // In a grid table, browsers expose each td as a gridcell (HTML-AAM).
                    <td key={cell.id} className={`audit-table__cell audit-col--${cell.column.id}`}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
