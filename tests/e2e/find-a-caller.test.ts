import { launchBrowser, screenshotOnFailure } from "@recovery-desk/test-support/browser";
import { type RunningServer, startServer } from "@recovery-desk/test-support/server";
import { endSessionOnServer } from "@recovery-desk/test-support/session";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

let browser: Browser;
let page: Page;
let server: RunningServer;
let baseUrl: string;

beforeAll(async () => {
  server = await startServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterEach(async (context) => {
  if (context.task.result?.state === "fail") await screenshotOnFailure(page, context.task.name);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("an agent signs in and is taken to account search", async () => {
  await page.goto(`${baseUrl}/accounts`);
  await page.waitForURL(/\/login/);
  await page.getByLabel("Username").fill("ava.agent");
  await page.getByLabel("Password").fill("helpdesk-demo");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts/);
  await expect.poll(() => page.getByRole("heading", { name: "Account search" }).isVisible()).toBe(true);
});

it("finds Maria Lopez by a misspelt name and by her phone number", async () => {
  const box = page.getByRole("searchbox").or(page.getByLabel("Search accounts"));
  await box.first().fill("Maria Lopes");
  await expect.poll(() => page.getByRole("link", { name: "Maria Lopez" }).count()).toBe(1);
  await box.first().fill("(217) 555-0142");
  await page.waitForURL(/555-0142/);
  await expect.poll(() => page.getByText("1 account found").isVisible()).toBe(true);
  await expect.poll(() => page.getByRole("link", { name: "Maria Lopez" }).count()).toBe(1);
});

it("opens her account by keyboard and sees the hard lock with contact data masked", async () => {
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

const searchBox = () => page.getByRole("searchbox", { name: "Search accounts" });
const results = () => page.getByRole("list", { name: "Matching accounts" });

it("finds Ana Silva's two accounts by ZIP code and by a misspelt street address", async () => {
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
  await endSessionOnServer(page, baseUrl);
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
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${baseUrl}/accounts`);
  await page.waitForURL(/\/login/);
});
