import { useJourney } from "@recovery-desk/test-support/journey";
import {
  newestCode,
  newestMessage,
  openAccount,
  toast,
  verifyPanel,
  waitUntilVerified,
} from "@recovery-desk/test-support/session";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";

/** Each journey is on a caller of its own: none changes what another one meets. */
const journey = useJourney();
let page: Page;

async function agentOnCall(): Promise<void> {
  page = await journey.signedIn("ava.agent");
}

const panel = () => verifyPanel(page);

/**
 * What the agent does on the account page, counted: each key pressed, field filled or button
 * pressed is one interaction (a button is one Tab-and-Enter's worth, as the keyboard reaches it).
 */
function countedSteps() {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key: string) {
      count += 1;
      await page.keyboard.press(key);
    },
    async fill(field: Locator, value: string) {
      count += 1;
      await field.fill(value);
    },
    async click(button: Locator) {
      count += 1;
      await button.click();
    },
  };
}
describe("an agent on a call", () => {
  it("verifies Maria Lopez by loose answers, sees her email unmasked, and lifts her lockout", async () => {
    await agentOnCall();
    await openAccount(page, journey.baseUrl, "maria.lopez");
    const steps = countedSteps();
    await steps.click(panel().getByRole("button", { name: "Security questions" }));
    await steps.fill(panel().getByLabel("Ask: What was the name of your first pet?"), " biscuit ");
    await steps.fill(panel().getByLabel("Ask: In what city were you born?"), "san  antonio.");
    await steps.press("Enter");
    await expect.poll(() => page.getByText("maria.lopez@example.com").count()).toBeGreaterThan(0);
    // The questions are enough to lift a lock: the policy asks for no second method here.
    const lift = page.getByRole("button", { name: "Lift lockout" });
    await expect.poll(() => lift.evaluate((el) => el === document.activeElement)).toBe(true);
    await steps.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    await steps.press("Control+Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => page.getByText("Lockout lifted").first().isVisible()).toBe(true);
    await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toMatch(/Active/);
    expect(steps.count).toBeLessThanOrEqual(6);
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

  it("verifies Kim Nguyen by the SMS code, adds her questions when the temporary password asks for them, and sends one that only the outbox shows", async () => {
    await agentOnCall();
    await openAccount(page, journey.baseUrl, "kim.nguyen");
    const steps = countedSteps();
    await steps.click(panel().getByRole("button", { name: "Code by text message" }));
    const box = panel().getByLabel("Code the caller reads out");
    await box.waitFor();
    const code = /\b(\d{6})\b/.exec(await newestMessage(page, journey.baseUrl, "+15035550178"))?.[1] ?? "";
    await steps.fill(box, code);
    await steps.press("Enter");
    await waitUntilVerified(page, "by a code sent by text message");

    // One code is not enough for a temporary password: the button says what to add, and the
    // script offers it as the next step.
    const send = page.getByRole("button", { name: "Send temporary password" });
    await expect.poll(() => send.isDisabled()).toBe(true);
    expect(await send.getAttribute("aria-describedby")).toBeTruthy();
    await expect
      .poll(() =>
        page
          .getByText("Needs two pieces, at least one a code. Also ask the security questions, or send a code by email.")
          .count(),
      )
      .toBeGreaterThan(0);
    const also = page.getByRole("group", { name: "Verify the caller also by" });
    await steps.click(also.getByRole("button", { name: "Security questions" }));
    await steps.fill(panel().getByLabel("Ask: Who was your favourite teacher?"), "mrs park");
    await steps.fill(panel().getByLabel("Ask: What was the name of the first street you lived on?"), "Oak Avenue");
    await steps.press("Enter");
    await waitUntilVerified(page, "by security questions and a code sent by text message");

    // The keyboard lands on the action the questions were added for.
    await expect.poll(() => send.evaluate((el) => el === document.activeElement)).toBe(true);
    await steps.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.getByLabel(/text/i).isChecked()).toBe(true);
    expect(await dialog.getByLabel("Reason").inputValue()).toBe(
      "Caller verified by security questions and a code sent by text message; temporary password sent at caller's request.",
    );
    await steps.press("Control+Enter");
    await dialog.waitFor({ state: "detached" });
    await expect
      .poll(() => page.getByText(/Temporary password sent by text to •••-•••-0178/).count())
      .toBeGreaterThan(0);
    const password = /password is (\S+)/.exec(await newestMessage(page, journey.baseUrl, "+15035550178"))?.[1] ?? "";
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await page.content()).not.toContain(password);
    // The code (3), the questions it asked for (4), the temporary password (2).
    expect(steps.count).toBeLessThanOrEqual(9);
  });
});
