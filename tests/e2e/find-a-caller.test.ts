import { useJourney } from "@recovery-desk/test-support/journey";
import { endSessionOnServer, openAccount } from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";

/** Nothing here changes the demo world: the journeys share one server, each with pages of its own. */
const journey = useJourney();
let page: Page;
const searchBox = () => page.getByRole("searchbox", { name: "Search accounts" });
const results = () => page.getByRole("list", { name: "Matching accounts" });

it("an agent signs in and is taken to account search", async () => {
  page = await journey.page();
  await page.goto(`${journey.baseUrl}/accounts`);
  await page.waitForURL(/\/login/);
  await page.getByLabel("Username").fill("ava.agent");
  await page.getByLabel("Password").fill("helpdesk-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts/);
  await expect.poll(() => page.getByRole("heading", { name: "Account search" }).isVisible()).toBe(true);
});

it("finds Maria Lopez by a misspelt name and by her phone number", async () => {
  page = await journey.signedIn("ava.agent");
  const box = page.getByRole("searchbox").or(page.getByLabel("Search accounts"));
  await box.first().fill("Maria Lopes");
  await expect.poll(() => page.getByRole("link", { name: "Maria Lopez" }).count()).toBe(1);
  await box.first().fill("(217) 555-0142");
  await page.waitForURL(/555-0142/);
  await expect.poll(() => page.getByText("1 account found").isVisible()).toBe(true);
  await expect.poll(() => page.getByRole("link", { name: "Maria Lopez" }).count()).toBe(1);
});

it("opens Maria Lopez's account from the results by keyboard and sees the hard lock with contact data masked", async () => {
  page = await journey.signedIn("ava.agent");
  await page.goto(`${journey.baseUrl}/accounts?q=${encodeURIComponent("(217) 555-0142")}`);
  await results().getByRole("link", { name: "Maria Lopez" }).waitFor();
  await searchBox().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts\/acc_/);
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Maria Lopez");
  const text = (await page.locator("main").textContent()) ?? "";
  expect(text).toMatch(/hard lock/i);
  expect(text).toContain("m••••@example.com");
  expect(text).toContain("•••-•••-0142");
  expect(text).not.toContain("maria.lopez@example.com");
  expect(text).not.toMatch(/Biscuit|San Antonio/);
});

it("from an account, / goes to the search box; finds Ana Silva's two accounts by ZIP code and by a misspelt street address", async () => {
  page = await journey.signedIn("ava.agent");
  await openAccount(page, journey.baseUrl, "kim.nguyen");
  await page.keyboard.press("/");
  await expect.poll(() => searchBox().evaluate((el) => el === document.activeElement)).toBe(true);
  await searchBox().fill("62701");
  await page.waitForURL(/q=62701/);
  await expect.poll(() => results().getByRole("link", { name: "Ana Silva" }).count()).toBe(2);
  const text = (await results().textContent()) ?? "";
  expect(text).toContain("ana.silva");
  expect(text).toContain("anasilva1984");
  expect(text).toContain("Springfield, IL 62701");

  await searchBox().fill("1200 Mian St");
  await page.waitForURL(/q=1200/);
  await expect.poll(() => page.getByText("2 accounts found").isVisible()).toBe(true);
  await expect.poll(() => results().getByRole("link", { name: "Ana Silva" }).count()).toBe(2);
});

it("when the session ends on the server, the next search asks to sign in again with a clear message and returns to it", async () => {
  page = await journey.signedIn("ava.agent");
  await searchBox().fill("ana.silva");
  await page.waitForURL(/q=ana\.silva/);
  await results().getByText("ana.silva", { exact: true }).waitFor();
  await endSessionOnServer(page, journey.baseUrl);
  await searchBox().fill("kim.nguyen");

  await page.waitForURL(/\/login\?/);
  await expect.poll(() => page.getByRole("heading", { level: 1, name: "Sign in" }).isVisible()).toBe(true);
  await expect.poll(() => page.getByRole("alert").textContent()).toContain("Your session has ended");
  expect(await page.getByLabel("Username").getAttribute("aria-describedby")).toBeTruthy();
  expect(await page.getByText("Kim Nguyen").count()).toBe(0);

  await page.getByLabel("Username").fill("ava.agent");
  await page.getByLabel("Password").fill("helpdesk-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts\?q=kim\.nguyen/);
  await expect.poll(() => results().getByRole("link", { name: "Kim Nguyen" }).count()).toBe(1);
  expect(await searchBox().inputValue()).toBe("kim.nguyen");
});

it("signs out and cannot come back without signing in", async () => {
  page = await journey.signedIn("ava.agent");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${journey.baseUrl}/accounts`);
  await page.waitForURL(/\/login/);
});
