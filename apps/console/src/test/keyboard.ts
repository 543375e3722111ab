import type { UserEvent } from "@testing-library/user-event";

/** Presses Tab until `target` has focus, as a keyboard-only agent would; fails if it is never reached. */
export async function tabTo(user: UserEvent, target: HTMLElement, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses && document.activeElement !== target; presses++) {
    await user.tab();
  }
  if (document.activeElement !== target) {
    throw new Error(`Tab never reached ${target.tagName.toLowerCase()} "${target.textContent ?? ""}"`);
  }
}
