import { useJourney } from "@recovery-desk/test-support/journey";
import {
  newestCode,
  newestMessage,
  openAccount,
  toast,
  verifyPanel,
  waitUntilVerified,
} from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

/** Each journey is on a caller of its own: none changes what another one meets. */
const journey = useJourney();
let page: Page;

async function agentOnCall(): Promise<void> {
  page = await journey.signedIn("ava.agent");
}

const panel = () => verifyPanel(page);
describe("an agent on a call", () => {
  it("verifies Maria Lopez by loose answers, sees her email unmasked, and lifts her lockout", async () => {
    await agentOnCall();
    await openAccount(page, journey.baseUrl, "maria.lopez");
    await panel().getByRole("button", { name: "Security questions" }).click();
    await panel().getByLabel("Ask: What was the name of your first pet?").fill(" biscuit ");
    await panel().getByLabel("Ask: In what city were you born?").fill("san  antonio.");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("maria.lopez@example.com").count()).toBeGreaterThan(0);
    const lift = page.getByRole("button", { name: "Lift lockout" });
    await expect.poll(() => lift.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await page.keyboard.press("Control+Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.getByText("Lockout lifted").first().isVisible()).toBe(true);
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toMatch(/Active/);
  });

  it("locks question verification for Tom Becker after three wrong tries, then verifies him by a code to his email and reactivates his account", async () => {
    await agentOnCall();
    await openAccount(page, journey.baseUrl, "tom.becker");
    await panel().getByRole("button", { name: "Security questions" }).click();
    for (let i = 0; i < 3; i++) {
      const first = panel().getByLabel("Ask: What is your mother's maiden name?");
      await first.waitFor();
      await first.fill(`Wrong ${i}`);
      await panel().getByLabel("Ask: What was the make of your first car?").fill("Trabant");
      await page.keyboard.press("Enter");
      if (i < 2) {
        const left = `${2 - i} attempt${i === 0 ? "s" : ""} left for this account today.`;
        await expect.poll(() => panel().getByRole("alert").filter({ hasText: left }).count()).toBe(1);
      }
    }
    await expect.poll(() => panel().getByText("Security questions are locked").isVisible()).toBe(true);

    // Once questions are locked, the agent verifies him by a code to his email and reactivates his account.
    const byText = panel().getByRole("button", { name: "Code by text message" });
    expect(await byText.isDisabled()).toBe(true);
    await panel().getByRole("button", { name: "Code by email" }).click();
    const box = panel().getByLabel("Code the caller reads out");
    await box.waitFor();
    await box.fill(await newestCode(page, journey.baseUrl, "tom.becker@example.com"));
    await page.keyboard.press("Enter");
    await waitUntilVerified(page, "by a code sent by email");

    const reactivate = page.getByRole("button", { name: "Reactivate", exact: true });
    await expect.poll(() => reactivate.evaluate((el) => el === document.activeElement)).toBe(true);
    await reactivate.click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByLabel("Reason").inputValue()).not.toBe("");
    expect(await dialog.getByRole("heading").textContent()).toBe("Reactivate Tom Becker's account?");
    await dialog.getByRole("button", { name: "Reactivate", exact: true }).click();
    await dialog.waitFor({ state: "detached" });
    await toast(page, "Account reactivated for Tom Becker.").waitFor();
    await expect.poll(() => page.getByText("Active — the customer can sign in").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("tom.becker@example.com").count()).toBeGreaterThan(0);
  });

  it("verifies Kim Nguyen by the SMS code from the outbox and sends a temporary password that only the outbox shows", async () => {
    await agentOnCall();
    await openAccount(page, journey.baseUrl, "kim.nguyen");
    await panel().getByRole("button", { name: "Code by text message" }).click();
    const box = panel().getByLabel("Code the caller reads out");
    await box.waitFor();
    const code = /\b(\d{6})\b/.exec(await newestMessage(page, journey.baseUrl, "+15035550178"))?.[1] ?? "";
    await box.fill(code);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText(/Caller verified by (a )?code/i).count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Send temporary password" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await dialog.getByLabel(/text/i).check();
    await dialog.getByRole("button", { name: /Send temporary password/ }).click();
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByText(/Temporary password sent by text to •••-•••-0178/).count())
      .toBeGreaterThan(0);
    const password = /password is (\S+)/.exec(await newestMessage(page, journey.baseUrl, "+15035550178"))?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await page.content()).not.toContain(password);
  });
});
