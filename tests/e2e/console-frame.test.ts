import { focusIndicator } from "@recovery-desk/test-support/focus";
import { useJourney } from "@recovery-desk/test-support/journey";
import { openAccount, signIn, verifyByQuestions } from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

/**
 * The console's frame at the widths a call center's screens have: the admin's navigation on one row,
 * pages that are missing or failed inside the frame, toasts that cover no form and stay on their page,
 * and a first visit that asks nothing of the server it knows will be refused.
 */
const journey = useJourney();

function newPage(width: number, height = 800): Promise<Page> {
  return journey.page(`${width} px`, { viewport: { width, height }, reducedMotion: "reduce" });
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("the admin's navigation", () => {
  it.each([1280, 1366])(
    "fits on one row at %i px, every link reached by Tab with a visible focus ring",
    async (width) => {
      const admin = await newPage(width);
      await signIn(admin, journey.baseUrl, "ada.admin");
      const nav = admin.getByRole("navigation", { name: "Main" });
      const items = nav.getByRole("listitem");
      await nav.getByRole("link", { name: "Outbox" }).waitFor();
      expect(await nav.getByRole("link").allTextContents()).toEqual([
        "Account search",
        "Outbox",
        "Audit trail",
        "Merges",
        "Alerts",
        "Administration",
      ]);

      const boxes = (await Promise.all((await items.all()).map((item) => item.boundingBox()))) as Box[];
      const navBox = (await nav.boundingBox()) as Box;
      const first = boxes[0] as Box;
      for (const box of boxes) expect(Math.abs(box.y - first.y)).toBeLessThan(2);
      expect(navBox.height).toBeLessThan(first.height * 1.5);
      // The whole header is one row too: the name, the navigation and the person side by side.
      const header = (await admin.getByRole("banner").boundingBox()) as Box;
      expect(header.height).toBeLessThan(first.height * 2.5);

      // Keyboard: from the console's name, Tab reaches each link in order, each with its focus ring.
      await admin.getByRole("banner").getByRole("link", { name: "Recovery Desk" }).focus();
      for (const name of ["Account search", "Outbox", "Audit trail", "Merges", "Alerts", "Administration"]) {
        await admin.keyboard.press("Tab");
        const focus = await focusIndicator(admin);
        expect(focus?.element).toContain(name);
        expect(focus?.visible).toBe(true);
      }
      await admin.keyboard.press("Enter");
      await admin.waitForURL(/\/admin\//);
    },
  );

  it("keeps one row on a narrower screen too, under the name and the person", async () => {
    const admin = await newPage(1024);
    await signIn(admin, journey.baseUrl, "ada.admin");
    const nav = admin.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Outbox" }).waitFor();
    const boxes = (await Promise.all((await nav.getByRole("listitem").all()).map((i) => i.boundingBox()))) as Box[];
    for (const box of boxes) expect(Math.abs(box.y - (boxes[0] as Box).y)).toBeLessThan(2);
  });
});

describe("pages that are missing or failed", () => {
  it("shows Page not found inside the frame, with the navigation and a way back", async () => {
    const agent = await newPage(1280);
    await signIn(agent, journey.baseUrl, "ava.agent");
    await agent.goto(`${journey.baseUrl}/no-such-page`);
    await agent.getByRole("main").getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    expect(await agent.getByRole("banner").getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
    expect(await agent.getByRole("banner").textContent()).toContain("Ava Agent");
    expect(await agent.title()).toBe("Page not found — Recovery Desk");
    await agent.getByRole("link", { name: "Go to account search" }).click();
    await agent.getByRole("heading", { level: 1, name: "Account search" }).waitFor();
  });

  it("shows a page that failed inside the frame, with its reference and a way on", async () => {
    const agent = await newPage(1280);
    await signIn(agent, journey.baseUrl, "ava.agent");
    await agent.route("**/api/v1/accounts/acc_*", (route) =>
      route.fulfill({
        status: 500,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "about:blank",
          title: "internal",
          status: 500,
          detail: "Boom.",
          code: "internal",
          requestId: "req_e2e_500",
        }),
      }),
    );
    await agent.goto(`${journey.baseUrl}/accounts/acc_missingaccount1`);
    await agent.getByRole("main").getByRole("heading", { level: 1, name: "This page could not be shown" }).waitFor();
    expect(await agent.getByRole("banner").getByRole("navigation", { name: "Main" }).isVisible()).toBe(true);
    expect(await agent.getByRole("main").textContent()).toContain("req_e2e_500");
    expect(await agent.getByRole("button", { name: "Try again" }).isVisible()).toBe(true);
    expect(await agent.getByRole("link", { name: "Go to account search" }).isVisible()).toBe(true);
  });

  it("shows a failed session check in the console's frame, with Try again", async () => {
    const agent = await newPage(1280);
    await signIn(agent, journey.baseUrl, "ava.agent");
    await agent.route("**/api/v1/auth/me", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({
          type: "about:blank",
          title: "unavailable",
          status: 503,
          detail: "Down.",
          code: "unavailable",
          requestId: "req_e2e_503",
        }),
      }),
    );
    await agent.goto(`${journey.baseUrl}/accounts`);
    await agent.getByRole("main").getByRole("heading", { level: 1, name: "This page could not be shown" }).waitFor();
    expect(await agent.getByRole("banner").getByRole("link", { name: "Recovery Desk" }).isVisible()).toBe(true);
    await agent.unroute("**/api/v1/auth/me");
    await agent.getByRole("button", { name: "Try again" }).click();
    await agent.getByRole("heading", { level: 1, name: "Account search" }).waitFor();
  });
});

describe("toasts", () => {
  it("cover neither the next dialog nor a field the keyboard reaches, at 1280 px, and stay on their page", async () => {
    const agent = await newPage(1280, 700);
    await signIn(agent, journey.baseUrl, "ava.agent");
    await openAccount(agent, journey.baseUrl, "maria.lopez");
    await verifyByQuestions(agent, {
      "What was the name of your first pet?": "biscuit",
      "In what city were you born?": "san antonio",
    });
    await agent.getByRole("button", { name: "Lift lockout" }).click();
    await agent.getByRole("dialog").waitFor();
    await agent.keyboard.press("Control+Enter");
    await agent.getByRole("dialog").waitFor({ state: "detached" });
    const toast = agent.locator(".toast").filter({ hasText: "Lockout lifted for Maria Lopez." });
    await toast.waitFor();

    // The next action's dialog opens while the toast is still up: the toast stays clear of it.
    await agent.getByRole("button", { name: "Send username reminder" }).click();
    const dialog = agent.getByRole("dialog");
    await dialog.getByLabel("Reason").waitFor();
    expect(overlaps((await toast.boundingBox()) as Box, (await dialog.boundingBox()) as Box)).toBe(false);
    await agent.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    // Every control the keyboard reaches on the page is shown clear of the toast.
    await agent.getByRole("main").focus();
    for (let stop = 0; stop < 25; stop++) {
      await agent.keyboard.press("Tab");
      const inMain = await agent.evaluate(() => document.querySelector("main")?.contains(document.activeElement));
      if (!inMain) break;
      const focused = (await agent.locator(":focus").boundingBox()) as Box;
      const covered = overlaps(focused, (await toast.boundingBox()) as Box);
      expect(covered, `${(await focusIndicator(agent))?.element} is under the toast`).toBe(false);
    }

    // Another page starts without the last page's toasts.
    await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account search" }).click();
    await agent.getByRole("heading", { level: 1, name: "Account search" }).waitFor();
    await expect.poll(() => agent.locator(".toast").count()).toBe(0);
  });
});

describe("a first visit without a session", () => {
  it.each(["/", "/login"])("to %s logs no error and asks the server nothing it would refuse", async (path) => {
    const visitor = await newPage(1280);
    const errors: string[] = [];
    const refused: string[] = [];
    visitor.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    visitor.on("pageerror", (error) => errors.push(error.message));
    visitor.on("response", (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
    await visitor.goto(`${journey.baseUrl}${path}`);
    await visitor.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await visitor.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
  });
});
