import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { chooseMethod, openAccountPage, sentence, verifyPanel } from "../../test/account-page.ts";
import { passTime, startFakeClock } from "../../test/clock.ts";
import { fakeVerification, latestCode } from "../../test/fake-verification.ts";
import { maria } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";

const CODE_BOX = "Code the caller reads out";

/** Sends a code by text to Maria and waits for the code box. */
async function sendCodeByText() {
  const app = await openAccountPage(maria, { fakeClock: true });
  await chooseMethod(app.user, "Code by text message");
  const box = await within(verifyPanel()).findByLabelText(CODE_BOX);
  return { ...app, box };
}

const resendButton = () => within(verifyPanel()).getByRole("button", { name: "Send a new code" });

describe("verifying a caller by a one-time code", () => {
  beforeEach(() => startFakeClock());

  it("sends a code by text, and allows a new one only 60 seconds after the last", async () => {
    const { user, box } = await sendCodeByText();
    const panel = verifyPanel();

    expect(box).toHaveFocus();
    expect(box).toHaveAttribute("inputmode", "numeric");
    expect(box).toHaveAttribute("autocomplete", "one-time-code");
    expect(
      within(panel).getByText(sentence("A code was sent by text to •••-•••-0142. Ask the caller to read it out.")),
    ).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription(/The code works until 9:10 AM\./);
    expect(fakeVerification.outbox).toHaveLength(1);
    expect(fakeVerification.outbox[0]?.recipient).toBe("+12175550142");

    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription("You can send a new code in 60 s");
    await passTime(18_000);
    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription("You can send a new code in 42 s");
    await passTime(42_000);
    expect(resendButton()).toBeEnabled();
    expect(within(panel).queryByText(/You can send a new code in/)).not.toBeInTheDocument();

    const firstCode = latestCode();
    await tabTo(user, resendButton());
    await user.keyboard("{Enter}");

    expect(
      await within(panel).findByText(
        sentence("A new code was sent by text to •••-•••-0142. Ask the caller to read it out."),
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByRole("status")).toHaveTextContent(
      "A new code was sent by text to •••-•••-0142. The earlier code no longer works.",
    );
    expect(fakeVerification.outbox).toHaveLength(2);
    expect(box).toHaveFocus();
    expect(resendButton()).toBeDisabled();
    expect(resendButton()).toHaveAccessibleDescription("You can send a new code in 60 s");

    // The old code was replaced: it no longer matches.
    await user.keyboard(`${firstCode}{Enter}`);
    const mismatch = await within(panel).findByText(/The code does not match/);
    expect(mismatch).toHaveTextContent("The code does not match. 4 tries left on this code.");
    expect(box).toHaveValue("");
    expect(box).toHaveFocus();

    // Callers read codes in groups; spaces do not matter.
    const code = latestCode();
    await user.keyboard(`${code.slice(0, 3)} ${code.slice(3)}{Enter}`);
    const timer = await within(panel).findByRole("timer");
    expect(timer).toHaveTextContent("15:00");
    expect(panel).toHaveTextContent("Caller verified by a code sent by text message · window closes in 15:00");
    // Once the account shows the window, the keyboard moves on to the next step.
    await waitFor(() => expect(screen.getByRole("button", { name: "Lift lockout" })).toHaveFocus());
    expect(await screen.findByText("maria.lopez@example.com")).toBeInTheDocument();
  });

  it("offers a new code when the code has expired", async () => {
    const { user, box } = await sendCodeByText();
    const panel = verifyPanel();
    const oldCode = latestCode();

    await passTime(10 * 60_000 + 1_000);
    expect(box).toHaveAccessibleDescription(/This code has expired\. Send a new code\./);
    await user.keyboard(`${oldCode}{Enter}`);

    const notice = await within(panel).findByText("The code has expired. Send a new code.");
    expect(notice.closest("[role='alert']")).toHaveTextContent("This code no longer works");
    expect(resendButton()).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(
      await within(panel).findByText(
        sentence("A new code was sent by text to •••-•••-0142. Ask the caller to read it out."),
      ),
    ).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(within(panel).queryByText("The code has expired. Send a new code.")).not.toBeInTheDocument();
    await user.keyboard(`${latestCode()}{Enter}`);
    expect(await within(panel).findByRole("timer")).toHaveTextContent("15:00");
  });

  it("says when no tries are left on a code and waits for a new one", async () => {
    const { user, box } = await sendCodeByText();
    const panel = verifyPanel();
    const wrong = latestCode() === "000000" ? "111111" : "000000";

    for (const left of [4, 3, 2, 1]) {
      await user.keyboard(`${wrong}{Enter}`);
      expect(
        await within(panel).findByText(
          `The code does not match. ${left} ${left === 1 ? "try" : "tries"} left on this code.`,
        ),
      ).toBeInTheDocument();
    }
    await user.keyboard(`${wrong}{Enter}`);

    expect(await within(panel).findByText("No tries are left on this code. Send a new code.")).toBeInTheDocument();
    // Within the first minute no new code can go out yet, so the agent stays at the code box.
    expect(resendButton()).toBeDisabled();
    expect(box).toHaveFocus();
  });

  it("checks that a code has 6 digits before sending it", async () => {
    const { user, box } = await sendCodeByText();
    const panel = verifyPanel();

    await user.keyboard("12345{Enter}");

    expect(
      await within(panel).findByText("The code has 6 digits. Type the digits the caller reads out."),
    ).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("12345");
  });
});
