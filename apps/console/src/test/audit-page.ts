import type { Staff } from "@recovery-desk/shared";
import { screen } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { afterEach, beforeEach, vi } from "vitest";
import { sam } from "./admin-fixtures.ts";
import { resetFakeAuditTrail } from "./fake-audit-trail.ts";
import { tabTo } from "./keyboard.ts";
import { renderApp } from "./render-app.tsx";

/** The audit table's scroll area in tests: room for ten 40-pixel rows under a 40-pixel header. */
export const VIEWPORT_HEIGHT = 440;
export const ROW_HEIGHT = 40;

/**
 * jsdom lays nothing out, so a virtualized table would see a scroll area of height 0. Like TanStack
 * Virtual's own tests, give elements sizes: every element is 40 pixels high, the scroll area 440 (its content as tall as the table says), and
 * scrolling an element moves its scrollTop and fires "scroll" as a browser would.
 */
export function stubTableLayout(): () => void {
  const spies = [
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(ROW_HEIGHT),
    vi.spyOn(Element.prototype, "clientHeight", "get").mockReturnValue(VIEWPORT_HEIGHT),
    vi.spyOn(Element.prototype, "clientWidth", "get").mockReturnValue(1200),
    // The content of a scroll area is as tall as its header row plus the height the table gives its body.
    vi.spyOn(Element.prototype, "scrollHeight", "get").mockImplementation(function (this: Element) {
      const body = this.querySelector("tbody");
      const height = body instanceof HTMLElement ? Number.parseFloat(body.style.height) : Number.NaN;
      return Number.isNaN(height) ? VIEWPORT_HEIGHT : ROW_HEIGHT + height;
    }),
  ];
  const element = Element.prototype as { scrollTo?: unknown };
  const original = element.scrollTo;
  element.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions) {
    if (typeof options?.top !== "number") return;
    this.scrollTop = options.top;
    this.dispatchEvent(new Event("scroll"));
  };
  return () => {
    for (const spy of spies) spy.mockRestore();
    if (original === undefined) delete element.scrollTo;
    else element.scrollTo = original;
  };
}

/** Every audit test starts from the seeded trail, no checks yet, and a laid-out table. */
export function useAuditTestWorld(): void {
  let restore = () => {};
  beforeEach(() => {
    resetFakeAuditTrail();
    restore = stubTableLayout();
  });
  afterEach(() => restore());
}

/** Opens the audit page (as Sam the supervisor unless told) and waits for its title. */
export async function openAuditPage(path = "/audit", staff: Staff = sam) {
  const app = renderApp(path, { signedInAs: staff });
  await screen.findByRole("heading", { level: 1, name: "Audit trail" });
  return app;
}

export const auditGrid = () => screen.getByRole("grid", { name: "Audit events, newest first" });

/** Opens the audit page and waits for the first events in the table. */
export async function openAuditTable(path = "/audit", staff: Staff = sam) {
  const app = await openAuditPage(path, staff);
  await screen.findByRole("grid", { name: "Audit events, newest first" });
  return app;
}

/**
 * The drawn event rows, in order (the header row left out). Read straight from the DOM: role queries
 * compute styles for every cell, which is slow with a table this size; the grid's roles have their
 * own assertions.
 */
export const eventRows = () => Array.from(auditGrid().querySelectorAll<HTMLElement>("tbody > tr"));

const seqOf = (row: HTMLElement) => Number((row.querySelector("td")?.textContent ?? "").replaceAll(",", ""));

/** The drawn row of the event with this sequence number. */
export function rowOf(seq: number): HTMLElement {
  const row = eventRows().find((r) => seqOf(r) === seq);
  if (!row) throw new Error(`No row for event ${seq}; drawn: ${drawnSeqs().join(", ")}`);
  return row;
}

/** The sequence numbers of the drawn rows. */
export const drawnSeqs = () => eventRows().map(seqOf);

/** Tabs into the table (its one Tab stop), then arrows up or down to the event's row, as a keyboard user would. */
export async function focusRow(user: UserEvent, seq: number, maxPresses = 60): Promise<HTMLElement> {
  const entry = eventRows().find((row) => row.tabIndex === 0);
  if (!entry) throw new Error("The table has no row to Tab to");
  await tabTo(user, entry);
  for (let presses = 0; presses < maxPresses; presses++) {
    const focused = document.activeElement instanceof HTMLElement ? seqOf(document.activeElement) : Number.NaN;
    if (focused === seq) return rowOf(seq);
    await user.keyboard(focused > seq ? "{ArrowDown}" : "{ArrowUp}");
  }
  throw new Error(`The arrow keys never reached event ${seq}`);
}
