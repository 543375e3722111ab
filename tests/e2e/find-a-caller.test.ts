import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { launchBrowser, screenshotOnFailure } from "../support/browser.ts";
import { type RunningServer, startServer } from "../support/server.ts";

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

it("signs out and cannot come back without signing in", async () => {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${baseUrl}/accounts`);
  await page.waitForURL(/\/login/);
});
