import type { Page } from "playwright-core";

/** Where the keyboard is, and whether a sighted keyboard user can see it. */
export interface FocusIndicator {
  /** The focused element in a few words: its tag, role and name. */
  element: string;
  /** A control or link the keyboard stops at, rather than a heading or region focused from code. */
  control: boolean;
  /** An outline or a box shadow on the element (or on the ::after box that draws its ring). */
  visible: boolean;
}

/** Describes the focused element and checks that it shows a focus ring; null when nothing has focus. */
export function focusIndicator(page: Page): Promise<FocusIndicator | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    // No helper functions in here: the page runs this code as written, without the test's bundler helpers.
    let visible = false;
    for (const style of [getComputedStyle(element), getComputedStyle(element, "::after")]) {
      const outlined =
        style.outlineStyle !== "none" &&
        Number.parseFloat(style.outlineWidth) > 0 &&
        style.outlineColor !== "transparent" &&
        !/rgba\(.*,\s*0\)$/.test(style.outlineColor);
      if (outlined || (style.boxShadow !== "none" && style.boxShadow !== "")) visible = true;
    }
    const name = (element.getAttribute("aria-label") ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
    const role = element.getAttribute("role") ?? element.getAttribute("type") ?? "";
    const control = element.matches("a[href], button, input, select, textarea, summary, [tabindex='0']");
    return {
      element: `${element.tagName.toLowerCase()}${role ? `[${role}]` : ""} “${name.slice(0, 60)}”`,
      control,
      visible,
    };
  });
}

/**
 * Presses Tab up to `count` times from where the keyboard is and reports each stop's focus ring.
 * Stops early when focus leaves the page.
 */
export async function tabStops(page: Page, count: number): Promise<FocusIndicator[]> {
  const stops: FocusIndicator[] = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press("Tab");
    const stop = await focusIndicator(page);
    if (!stop) break;
    stops.push(stop);
  }
  return stops;
}
