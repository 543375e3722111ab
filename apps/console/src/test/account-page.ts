import type { AccountDetail } from "@recovery-desk/shared";
import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { advanceTimers } from "./clock.ts";
import { ava } from "./fixtures.ts";
import { tabTo } from "./keyboard.ts";
import { renderApp } from "./render-app.tsx";

/** Opens an account as Ava and waits for the page; `fakeClock` when the test has faked the clock. */
export async function openAccountPage(account: AccountDetail, { fakeClock = false } = {}) {
  const app = renderApp(`/accounts/${account.id}`, { signedInAs: ava, ...(fakeClock ? { advanceTimers } : {}) });
  await screen.findByRole("heading", { level: 1, name: new RegExp(account.displayName) });
  return app;
}

/** A titled section of the page (a region named by its heading). */
export const region = (name: string) => screen.getByRole("region", { name });

export const verifyPanel = () => region("Verify the caller");

/** Tabs to a method button of the verification panel and presses Enter. */
export async function chooseMethod(user: UserEvent, name: string): Promise<void> {
  await tabTo(user, within(verifyPanel()).getByRole("button", { name }));
  await user.keyboard("{Enter}");
}

/** The value shown for a term of a description list inside `container`, e.g. "Email". */
export function shownFor(container: HTMLElement, term: string): HTMLElement {
  const value = within(container).getByText(term).nextSibling;
  if (!(value instanceof HTMLElement)) throw new Error(`No value next to "${term}"`);
  return value;
}

const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** A text matcher for a sentence split over inline elements, e.g. "A code was sent by text to <span>•••</span>." */
export const sentence = (text: string) => (_content: string, element: Element | null) =>
  squash(element?.textContent) === text &&
  !Array.from(element?.children ?? []).some((child) => squash(child.textContent) === text);
