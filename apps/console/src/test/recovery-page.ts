import type { AccountDetail } from "@recovery-desk/shared";
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { expect } from "vitest";
import { chooseMethod, region, verifyPanel } from "./account-page.ts";
import { SECURITY_ANSWERS } from "./fixtures.ts";
import { tabTo } from "./keyboard.ts";

export const recoveryPanel = () => region("Recovery actions");

export const actionButton = (name: string) => within(recoveryPanel()).getByRole("button", { name });

/** The open confirm dialog. */
export const dialog = () => screen.getByRole("dialog");

/** The toasts in the corner of the screen (F8 moves the keyboard there). */
export const notifications = () => screen.getByRole("region", { name: "Notifications (F8)" });

/** The toasts shown right now (items of the toast list), also while a dialog hides the rest of the page from screen readers. */
export function toastsNow(): HTMLElement[] {
  const corner = within(screen.getByRole("region", { name: "Notifications (F8)", hidden: true }));
  return corner.queryAllByRole("listitem", { hidden: true });
}

/**
 * Waits for the toast that says `text`, a success or a failure. The toast list announces each one
 * (politely, or at once for a failure) through Radix's own live region; the tone shows in its colours.
 */
export function findToast(text: string, tone: "success" | "danger" = "success"): Promise<HTMLElement> {
  return waitFor(() => {
    const toasts = within(notifications()).getAllByRole("listitem");
    const match = toasts.find((toast) => toast.textContent?.includes(text));
    if (!match) throw new Error(`No toast says "${text}"; found: ${toasts.map((t) => t.textContent).join(" | ")}`);
    if (!match.classList.contains(`toast--${tone}`)) throw new Error(`The toast "${text}" is not a ${tone} toast`);
    return match;
  });
}

/** Verifies the caller by security questions the keyboard way, from wherever focus is on the account page. */
export async function verifyByKeyboard(user: UserEvent, account: AccountDetail, caseRef = "CASE-1"): Promise<void> {
  const panel = verifyPanel();
  await tabTo(user, within(panel).getByLabelText("Case reference (optional)"));
  await user.keyboard(caseRef);
  await chooseMethod(user, "Security questions");
  const [first, second] = account.securityQuestions;
  if (!first || !second) throw new Error("The account needs two questions");
  expect(await within(panel).findByLabelText(`Ask: ${first.prompt}`)).toHaveFocus();
  await user.keyboard(SECURITY_ANSWERS[first.id] ?? "");
  await user.tab();
  await user.keyboard(`${SECURITY_ANSWERS[second.id] ?? ""}{Enter}`);
  await within(panel).findByRole("timer");
}

/** Ctrl+Enter: confirms a dialog from its reason box. */
export const confirmChord = (user: UserEvent) => user.keyboard("{Control>}{Enter}{/Control}");
