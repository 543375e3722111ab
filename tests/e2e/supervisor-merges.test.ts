import { useJourney } from "@recovery-desk/test-support/journey";
import { alsoVerifyByCode, openAccount, toast, verifyByQuestions } from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

/**
 * Four eyes: an agent proposes merging Ana Silva's duplicate account, a supervisor approves it, then
 * undoes it. Each step starts from a fresh demo world and first does the steps before it.
 */
const journey = useJourney({ world: "test" });
let agent: Page;
let supervisor: Page;

beforeEach(async () => {
  agent = await journey.signedIn("ava.agent");
  supervisor = await journey.signedIn("sam.supervisor");
});

const dialogOf = (page: Page) => page.getByRole("dialog");
const mergeList = (page: Page, label: string) => page.getByRole("list", { name: `Merges: ${label}` });

/** Opens a merges tab from the page's own navigation, as a supervisor would. */
async function openMergesTab(page: Page, label: string): Promise<void> {
  await page.getByRole("navigation", { name: "Merge views" }).getByRole("link", { name: label }).click();
  await page.waitForURL(/\/merges/);
}

/** The status line under an account's name, e.g. "Merged — …" or "Active — the customer can sign in". */
async function accountStatus(page: Page, username: string): Promise<string> {
  await openAccount(page, journey.baseUrl, username);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain(username);
  const line = page.getByRole("article").getByText(/^(Active|Locked|Deactivated|Merged|Closed) — /);
  return (await line.textContent()) ?? "";
}

/** The agent, on Ana Silva's account, verifies her (questions, then a code) and proposes merging anasilva1984 into it. */
async function proposeTheMerge(): Promise<void> {
  const propose = agent
    .getByRole("region", { name: "Possible duplicates" })
    .getByRole("button", { name: "Propose a merge" });
  await verifyByQuestions(agent, {
    "What was the name of your first pet?": "Luna",
    "What high school did you attend?": "lincoln high",
  });
  // A merge needs a code: the script asks for one more.
  await alsoVerifyByCode(
    agent,
    journey.baseUrl,
    "Code by email",
    "ana.silva@example.com",
    "by security questions and a code sent by email",
  );
  await expect.poll(() => propose.isEnabled()).toBe(true);
  await propose.click();

  const dialog = dialogOf(agent);
  await dialog.getByRole("heading", { name: "Merge accounts into ana.silva?" }).waitFor();
  await dialog.getByRole("checkbox", { name: /anasilva1984/ }).check();
  await dialog.getByLabel("Reason").fill("Caller owns both accounts at the same address; keeps ana.silva.");
  await dialog.getByRole("button", { name: "Propose merge" }).click();
  await dialog.waitFor({ state: "detached" });
}

/** The agent proposes the merge and the supervisor approves it from the queue. */
async function mergeAnaSilvasAccounts(): Promise<void> {
  await openAccount(agent, journey.baseUrl, "ana.silva");
  await proposeTheMerge();
  await supervisor.goto(`${journey.baseUrl}/merges`);
  const card = mergeList(supervisor, "Waiting for approval").getByRole("region", {
    name: "Ana Silva (ana.silva) merging in Ana Silva (anasilva1984)",
  });
  await card.getByRole("button", { name: "Approve" }).click();
  const dialog = dialogOf(supervisor);
  await dialog.getByLabel("Reason").fill("Same person, same address; checked the comparison.");
  await supervisor.keyboard.press("Control+Enter");
  await dialog.waitFor({ state: "detached" });
  await toast(supervisor, "Merge approved and completed.").waitFor();
}

describe("merging duplicate accounts", () => {
  it("an agent verifies Ana Silva, sees her duplicate at the same address and proposes a merge", async () => {
    await openAccount(agent, journey.baseUrl, "ana.silva");
    const duplicates = agent.getByRole("region", { name: "Possible duplicates" });
    await duplicates.getByRole("link", { name: /anasilva1984/ }).waitFor();
    const propose = duplicates.getByRole("button", { name: "Propose a merge" });
    expect(await propose.isDisabled()).toBe(true);

    await proposeTheMerge();
    await toast(agent, "Merge proposed — waiting for a supervisor").waitFor();

    // Agents do not review merges: no Merges link, and the page says which role it needs.
    expect(await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Merges" }).count()).toBe(0);
    await agent.goto(`${journey.baseUrl}/merges`);
    await agent.getByRole("heading", { level: 1, name: "You need the supervisor role" }).waitFor();
  });

  it("a supervisor approves it from the queue, and the duplicate becomes part of Ana Silva's account", async () => {
    await openAccount(agent, journey.baseUrl, "ana.silva");
    await proposeTheMerge();
    await toast(agent, "Merge proposed — waiting for a supervisor").waitFor();

    await supervisor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Merges" }).click();
    await supervisor.waitForURL(/\/merges/);
    const waiting = mergeList(supervisor, "Waiting for approval");
    await waiting.getByRole("link", { name: "Ana Silva (ana.silva)" }).waitFor();
    await waiting.getByRole("link", { name: "Ana Silva (anasilva1984)" }).waitFor();
    expect(await waiting.textContent()).toContain("ava.agent");
    // The proposal is titled by its accounts, survivor first; the list has no bullets.
    const card = waiting.getByRole("region", { name: "Ana Silva (ana.silva) merging in Ana Silva (anasilva1984)" });
    // Seen as "Ana Silva (ana.silva) ← Ana Silva (anasilva1984)"; the arrow is for the eye only.
    expect(await card.getByRole("heading", { level: 2 }).locator('[aria-hidden="true"]').textContent()).toBe("←");
    expect(await waiting.evaluate((list) => getComputedStyle(list).listStyleType)).toBe("none");

    // The approver compares the two accounts side by side, from the keyboard.
    await card.getByRole("button", { name: "Approve" }).focus();
    await supervisor.keyboard.press("Enter");
    const dialog = dialogOf(supervisor);
    await dialog.getByRole("heading", { name: "Approve this merge?" }).waitFor();
    const table = dialog.getByRole("table", { name: /Side by side: the surviving account/ });
    expect(await table.getByRole("columnheader").allInnerTexts()).toEqual([
      "Field",
      "ana.silva (survivor)",
      "anasilva1984 (merged)",
    ]);
    const usernames = table.getByRole("row", { name: /^Username/ });
    expect(await usernames.textContent()).toContain("anasilva1984 (differs)");
    const differs = usernames.locator("td[data-differs]");
    expect(await differs.count()).toBe(1);
    expect(await differs.evaluate((cell) => getComputedStyle(cell).boxShadow)).not.toBe("none");
    expect(await dialog.getByLabel("Reason").evaluate((box) => box === document.activeElement)).toBe(true);
    await dialog.getByLabel("Reason").fill("Same person, same address; checked the comparison.");
    await supervisor.keyboard.press("Control+Enter");
    await dialog.waitFor({ state: "detached" });
    await toast(supervisor, "Merge approved and completed.").waitFor();
    await expect.poll(() => waiting.count()).toBe(0);

    await openMergesTab(supervisor, "Completed");
    const completed = mergeList(supervisor, "Completed");
    await completed.getByRole("button", { name: "Undo" }).waitFor();
    expect(await completed.textContent()).toContain("sam.supervisor");

    expect(await accountStatus(supervisor, "anasilva1984")).toMatch(/^Merged/);
    expect(await supervisor.getByRole("link", { name: "the surviving account" }).count()).toBe(1);
  });

  it("the supervisor undoes the merge, and both accounts are active again as before", async () => {
    await mergeAnaSilvasAccounts();

    await supervisor.goto(`${journey.baseUrl}/merges?status=completed`);
    const completed = mergeList(supervisor, "Completed");
    await completed.getByRole("button", { name: "Undo" }).click();
    const dialog = dialogOf(supervisor);
    await dialog.getByRole("heading", { name: "Undo this merge?" }).waitFor();
    expect(await dialog.textContent()).toContain(
      "Changes made to the surviving account since the merge, such as a lock or a temporary password, stay.",
    );
    await dialog.getByLabel("Reason").fill("Caller asked to keep the accounts apart after all.");
    await dialog.getByRole("button", { name: "Undo" }).click();
    await dialog.waitFor({ state: "detached" });
    await toast(supervisor, "Merge undone.").waitFor();

    await openMergesTab(supervisor, "Undone");
    await mergeList(supervisor, "Undone").getByRole("link", { name: "Ana Silva (anasilva1984)" }).waitFor();

    expect(await accountStatus(supervisor, "anasilva1984")).toMatch(/^Active/);
    expect(await accountStatus(supervisor, "ana.silva")).toMatch(/^Active/);
  });
});
