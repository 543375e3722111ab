import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import { openAccount, toast, verifyByQuestions, verifyPanel } from "./session.ts";

/** Maria Lopez of the demo world: locked, both channels verified, Spanish. */
export const MARIA = {
  email: "maria.lopez@example.com",
  phone: "+12175550142",
  answers: {
    "What was the name of your first pet?": "Biscuit",
    "In what city were you born?": "San Antonio",
  },
};

/** How the Outbox labels a notice to Maria and the confirmation of her report. */
export const NOTICE_IN_SPANISH = "Notice of a recovery action, in Spanish";
export const CONFIRMATION_IN_SPANISH = "Confirmation of the owner's report, in Spanish";

/** The heading of the owner's report page, before confirming and once the report is received. */
export const REPORT_PAGE_HEADING = "Did someone else change your account?";
export const REPORT_RECEIVED_HEADING = "Your account is locked";

/** The recovery actions panel of an account page. */
export const recoveryPanel = (page: Page) => page.getByRole("region", { name: "Recovery actions" });

/** The Outbox's messages of one kind (as labelled, e.g. NOTICE_IN_SPANISH) to one address. */
export function outboxMessages(page: Page, to: string, kind: string): Locator {
  return page
    .getByRole("list", { name: "Messages, newest first" })
    .getByRole("article", { name: new RegExp(`^(Email|Text message) to ${to.replace(/[.+]/g, "\\$&")}$`) })
    .filter({ hasText: kind });
}

/** Opens the Outbox from the main navigation. */
export async function openOutbox(page: Page): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
  await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
}

/**
 * On the Outbox page: waits, pressing Refresh as a person would, until exactly `count` messages of
 * `kind` to each address in `to` are shown (the deliverer sends queued notices within about a second).
 */
export async function waitForMessages(page: Page, to: readonly string[], kind: string, count: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const counts = await Promise.all(to.map((address) => outboxMessages(page, address, kind).count()));
        if (counts.some((n) => n < count)) await page.getByRole("button", { name: "Refresh" }).click();
        return counts;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toEqual(to.map(() => count));
}

/** An agent verifies Maria by her questions and lifts her lockout, as on a call. */
export async function unlockMaria(page: Page, baseUrl: string): Promise<void> {
  await openAccount(page, baseUrl, "maria.lopez");
  await verifyByQuestions(page, MARIA.answers);
  await recoveryPanel(page).getByRole("button", { name: "Lift lockout" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").waitFor();
  await dialog.getByRole("button", { name: "Lift lockout" }).click();
  await dialog.waitFor({ state: "detached" });
  await toast(page, "Lockout lifted for Maria Lopez.").waitFor();
}

/**
 * From the Outbox, once the notice of Maria's unlock has reached both her channels: the address of
 * the report link in the one by email, as the Outbox links it (the console's own /report page).
 */
export async function mariasReportLink(page: Page, baseUrl: string): Promise<string> {
  await openOutbox(page);
  await waitForMessages(page, [MARIA.email, MARIA.phone], NOTICE_IN_SPANISH, 1);
  const link = outboxMessages(page, MARIA.email, NOTICE_IN_SPANISH).first().getByRole("link");
  expect(await link.textContent()).toMatch(/\/report\/[A-Za-z0-9_-]{43}$/);
  const href = (await link.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/report\/[A-Za-z0-9_-]{43}$/);
  return new URL(href, baseUrl).href;
}

/** Opens a report link (in a page nobody signed in on) and waits for the page to ask. */
export async function openReportLink(owner: Page, link: string): Promise<void> {
  await owner.goto(link);
  await owner.getByRole("heading", { level: 1, name: REPORT_PAGE_HEADING }).waitFor();
}

/** Confirms the report on the open report page and waits until it says the account is locked. */
export async function confirmReport(owner: Page): Promise<void> {
  await owner.getByRole("button", { name: "Confirm" }).click();
  await owner.getByRole("heading", { level: 1, name: REPORT_RECEIVED_HEADING }).waitFor();
}

/** What an agent is told in place of Lift lockout on an account held on its owner's report. */
export const ONLY_SUPERVISOR_LIFTS =
  "Only a supervisor can lift this hold, after verifying the caller with a code. Ask a supervisor to take the call.";

/** What the call script tells a supervisor first on such an account. */
export const VERIFY_BY_CODE_FIRST =
  "The owner reported a recovery they did not ask for. Verify the caller with a code by text message or email: lifting the hold needs one.";

/**
 * The screens of an owner's report, each shown to `at` with its name: the agent unlocks Maria; the
 * Outbox with her notices; the owner's report page from the notice's link, before and after
 * confirming; Maria's account held, for the agent and for a supervisor, who verifies by her questions
 * and is offered a code to add ("Verify the caller also by"), up to the box for the code. The agent's
 * and the supervisor's pages are signed in; the owner's is not.
 */
export async function walkOwnerReportScreens(
  baseUrl: string,
  pages: { agent: Page; owner: Page; supervisor: Page },
  at: (page: Page, screen: string) => Promise<void> = async () => {},
): Promise<void> {
  const { agent, owner, supervisor } = pages;
  await unlockMaria(agent, baseUrl);
  const link = await mariasReportLink(agent, baseUrl);
  await at(agent, "outbox with notices");
  await openReportLink(owner, link);
  await at(owner, "owner's report page, from a notice");
  await confirmReport(owner);
  await at(owner, "owner's report page, report received");

  await openAccount(agent, baseUrl, "maria.lopez");
  await recoveryPanel(agent).getByText(ONLY_SUPERVISOR_LIFTS).waitFor();
  await at(agent, "account held on the owner's report, for an agent");
  await openAccount(supervisor, baseUrl, "maria.lopez");
  await verifyPanel(supervisor).getByText(VERIFY_BY_CODE_FIRST).waitFor();
  await at(supervisor, "account held on the owner's report, for a supervisor");
  await verifyByQuestions(supervisor, MARIA.answers);
  const also = supervisor.getByRole("group", { name: "Verify the caller also by" });
  await also.getByRole("button", { name: "Code by text message" }).waitFor();
  await at(supervisor, "account held, verified by questions: verify the caller also by a code");
  await also.getByRole("button", { name: "Code by text message" }).click();
  await verifyPanel(supervisor).getByLabel("Code the caller reads out").waitFor();
  await at(supervisor, "account held: the code the caller reads out");
}
