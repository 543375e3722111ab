import { readFile } from "node:fs/promises";
import { useJourney } from "@recovery-desk/test-support/journey";
import { openAccount, toast, verifyByQuestions, verifyPanel } from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

/** A supervisor reviews what an agent did on a call: filters, one event in full, exports and a chain check. */
let agent: Page;
let supervisor: Page;

const CASE = "CASE-2026-0042";

/** The agent, on the call, verifies Maria Lopez by her questions and lifts her lockout, on a case. */
async function liftMariasLockoutOnCase(page: Page, baseUrl: string): Promise<void> {
  await openAccount(page, baseUrl, "maria.lopez");
  await verifyPanel(page)
    .getByLabel(/Case reference/)
    .fill(CASE);
  await verifyByQuestions(page, {
    "What was the name of your first pet?": "Biscuit",
    "In what city were you born?": "San Antonio",
  });
  await page.getByRole("button", { name: "Lift lockout" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Caller verified by security questions; locked out after a holiday.");
  await dialog.getByRole("button", { name: "Lift lockout" }).click();
  await dialog.waitFor({ state: "detached" });
  await toast(page, "Lockout lifted for Maria Lopez.").waitFor();
}

const grid = () => supervisor.getByRole("grid", { name: "Audit events, newest first" });
/** Rows of events (the header row has no Seq number to open). */
const eventRows = () =>
  grid()
    .getByRole("row")
    .filter({ has: supervisor.getByRole("gridcell") });

/** Clicks an export button and returns the file the browser saved, and its name. */
async function exportAs(label: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    supervisor.waitForEvent("download"),
    supervisor.getByRole("button", { name: label }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

describe("the agent's side", () => {
  const journey = useJourney();

  it("an agent lifts Maria Lopez's lockout on a case, which lands in the trail", async () => {
    agent = await journey.signedIn("ava.agent");
    await liftMariasLockoutOnCase(agent, journey.baseUrl);
  });

  it("an agent has no audit page: the link is missing and the address says which role is needed", async () => {
    agent = await journey.signedIn("ava.agent");
    expect(await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).count()).toBe(0);
    await agent.goto(`${journey.baseUrl}/audit`);
    await agent.getByRole("heading", { level: 1, name: "You need the supervisor role" }).waitFor();
    expect(await agent.getByRole("main").textContent()).toContain("with the Agent role");
    expect(await agent.getByRole("grid").count()).toBe(0);
  });
});

describe("the audit trail, after the agent lifted Maria Lopez's lockout on a case", () => {
  const journey = useJourney();
  const unlockedOnCase = () =>
    `${journey.baseUrl}/audit?accountId=${accountId}&action=account.unlocked&caseRef=${encodeURIComponent(CASE)}`;
  let accountId = "";

  beforeAll(async () => {
    const page = await journey.signedIn("ava.agent");
    await liftMariasLockoutOnCase(page, journey.baseUrl);
    accountId = /\/accounts\/(acc_[^/?#]+)/.exec(page.url())?.[1] ?? "";
    await page.context().close();
  });
  beforeEach(async () => {
    supervisor = await journey.signedIn("sam.supervisor", { acceptDownloads: true });
  });

  it("a supervisor follows the account's link to its events and filters them to the lifted lockout", async () => {
    await openAccount(supervisor, journey.baseUrl, "maria.lopez");
    await supervisor.getByRole("link", { name: "Audit events for this account" }).click();
    await supervisor.waitForURL(/\/audit\?accountId=acc_/);
    await expect.poll(() => eventRows().count()).toBeGreaterThanOrEqual(4);
    const all = (await grid().textContent()) ?? "";
    for (const action of ["Verification started", "Caller verified", "Account unlocked"]) {
      expect(all).toContain(action);
    }

    await supervisor.getByLabel("Action").selectOption({ label: "Account unlocked" });
    await supervisor.waitForURL(/action=account\.unlocked/);
    await expect.poll(() => eventRows().count()).toBe(1);
    const row = eventRows().first();
    expect(await row.textContent()).toMatch(new RegExp(`ava\\.agent.*Account unlocked.*${CASE}`));

    // The filters live in the address: the same link shows the same view.
    const link = supervisor.url();
    await supervisor.goto(link);
    await expect.poll(() => eventRows().count()).toBe(1);
    expect(await supervisor.getByLabel("Action").inputValue()).toBe("account.unlocked");
    expect(await supervisor.getByLabel("Account", { exact: true }).inputValue()).toMatch(/^acc_/);

    // Typing a case reference narrows by case; another case finds nothing.
    await supervisor.getByLabel("Case reference").fill("CASE-1999-0001");
    await supervisor.keyboard.press("Enter");
    await expect.poll(() => supervisor.getByText("No events match these filters.").first().isVisible()).toBe(true);
    await supervisor.getByLabel("Case reference").fill(CASE);
    await supervisor.keyboard.press("Enter");
    await supervisor.waitForURL(new RegExp(`caseRef=${CASE}`));
    await expect.poll(() => eventRows().count()).toBe(1);
  });

  it("opens the event in full with its link to the previous event, and Escape returns to its row", async () => {
    await supervisor.goto(unlockedOnCase());
    await expect.poll(() => eventRows().count()).toBe(1);
    const row = eventRows().first();
    await row.focus();
    await supervisor.keyboard.press("Enter");
    const sheet = supervisor.getByRole("dialog");
    await sheet.getByRole("heading", { name: /^Event [\d,]+: Account unlocked$/ }).waitFor();
    const text = (await sheet.textContent()) ?? "";
    expect(text).toContain(CASE);
    expect(text).toContain("locked out after a holiday");
    expect(text).toContain("ava.agent");
    await expect
      .poll(async () => (await sheet.textContent()) ?? "")
      .toContain("The previous hash is the hash of event");
    expect(text).not.toMatch(/Biscuit|San Antonio/);

    await supervisor.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    await expect.poll(() => row.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("exports the filtered events as CSV and as NDJSON", async () => {
    await supervisor.goto(unlockedOnCase());
    await expect.poll(() => eventRows().count()).toBe(1);
    const csv = await exportAs("Export CSV");
    expect(csv.name).toMatch(/\.csv$/);
    const lines = csv.text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/seq.*action.*hash/);
    expect(lines[1]).toContain("account.unlocked");
    expect(lines[1]).toContain(CASE);
    await expect
      .poll(() =>
        supervisor
          .getByRole("status")
          .filter({ hasText: /Exported 1 event to .*\.csv/ })
          .count(),
      )
      .toBe(1);

    const ndjson = await exportAs("Export NDJSON");
    expect(ndjson.name).toMatch(/\.ndjson$/);
    const events = ndjson.text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { action: string; caseRef: string; hash: string; prevHash: string });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "account.unlocked", caseRef: CASE });
    expect(events[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(events[0]?.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(ndjson.text).not.toMatch(/Biscuit|San Antonio|helpdesk-demo/);
  });

  it("filters by the names a supervisor knows, ava.agent and maria.lopez, and shows usernames beside ids", async () => {
    await supervisor.goto(`${journey.baseUrl}/audit`);
    await expect.poll(() => eventRows().count()).toBeGreaterThan(4);

    await supervisor.getByLabel("Actor", { exact: true }).fill("ava.agent");
    await supervisor.keyboard.press("Enter");
    await supervisor.waitForURL(/[?&]actor=ava\.agent/);
    await expect.poll(async () => (await eventRows().first().textContent()) ?? "").toContain("ava.agent");
    const byAva = await eventRows().allTextContents();
    expect(byAva.length).toBeGreaterThanOrEqual(4);
    for (const row of byAva) expect(row).toContain("ava.agent");

    await supervisor.getByLabel("Account", { exact: true }).fill("maria.lopez");
    await supervisor.keyboard.press("Enter");
    await supervisor.waitForURL(/[?&]account=maria\.lopez/);
    await expect.poll(() => eventRows().filter({ hasText: "Account unlocked" }).count()).toBe(1);
    const rows = await eventRows().allTextContents();
    for (const row of rows) expect(row).toMatch(/ava\.agent.*maria\.lopezacc_/);
    const unlocked = eventRows().filter({ hasText: "Account unlocked" });
    expect(await unlocked.getByRole("link", { name: "maria.lopez" }).getAttribute("href")).toMatch(/^\/accounts\/acc_/);

    // The drawer names the account too, with its id.
    await unlocked.click();
    const sheet = supervisor.getByRole("dialog");
    await sheet.getByRole("heading", { name: /Account unlocked$/ }).waitFor();
    expect(await sheet.getByRole("link", { name: "maria.lopez" }).count()).toBe(1);
    expect(await sheet.textContent()).toMatch(/maria\.lopezacc_/);
    await supervisor.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });

    // A name nobody has is said plainly, not shown as an empty table.
    await supervisor.getByLabel("Actor", { exact: true }).fill("ava.agnt");
    await supervisor.keyboard.press("Enter");
    await supervisor
      .getByRole("main")
      .getByText("No staff member or API key named “ava.agnt”.", { exact: true })
      .first()
      .waitFor();
    expect(await supervisor.getByRole("grid").count()).toBe(0);
  });

  it("checks the whole chain and finds it intact", async () => {
    await supervisor.goto(`${journey.baseUrl}/audit`);
    const chain = supervisor.getByRole("region", { name: "Chain of events" });
    await chain.getByRole("radio", { name: /^Everything/ }).check();
    await chain.getByRole("button", { name: "Check the chain now" }).click();
    await expect
      .poll(() => chain.getByRole("alert").textContent(), { timeout: 60_000 })
      .toContain("The chain is intact");
    expect(await chain.getByRole("alert").textContent()).toMatch(
      /checked \(events 1–[\d,]+\): every event is as it was written/,
    );
    await expect.poll(() => chain.getByText("Intact", { exact: true }).isVisible()).toBe(true);
    expect(await chain.textContent()).toContain("by sam.supervisor");
  });
});
