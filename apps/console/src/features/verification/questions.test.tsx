import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { chooseMethod, openAccountPage, region, sentence, shownFor, verifyPanel } from "../../test/account-page.ts";
import { passTime, startFakeClock } from "../../test/clock.ts";
import { fakeVerification } from "../../test/fake-verification.ts";
import { maria } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";

const PET = "Ask: What was the name of your first pet?";
const CITY = "Ask: In what city were you born?";

/** Types both answers the keyboard way: first box, Tab, second box, Enter. */
async function answer(user: UserEvent, pet: string, city: string) {
  const panel = verifyPanel();
  expect(within(panel).getByLabelText(PET)).toHaveFocus();
  await user.keyboard(pet);
  await user.tab();
  expect(within(panel).getByLabelText(CITY)).toHaveFocus();
  await user.keyboard(`${city}{Enter}`);
}

/** The announced notice that questions are locked. */
async function lockNotice() {
  const title = await within(verifyPanel()).findByText("Security questions are locked");
  return title.closest("[role='alert']");
}

describe("verifying a caller by security questions", () => {
  beforeEach(() => startFakeClock());

  it("verifies the caller, unmasks the contact data and counts the window down", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const panel = verifyPanel();

    await tabTo(user, within(panel).getByLabelText("Case reference (optional)"));
    await user.keyboard("CASE-1");
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText(PET);
    // The answers are normalised by the API: case, extra spaces and punctuation do not matter.
    await answer(user, "biscuit", " San  Antonio. ");

    const timer = await within(panel).findByRole("timer");
    expect(panel).toHaveTextContent("Caller verified by security questions · case CASE-1 · window closes in 15:00");
    // Once the account shows the window, the keyboard moves on to the next step.
    await waitFor(() => expect(screen.getByRole("button", { name: "Lift lockout" })).toHaveFocus());
    expect(timer).toHaveTextContent("15:00");
    const status = within(panel).getByRole("status");
    expect(status).toHaveTextContent("Caller verified by security questions. Contact data is shown until 9:15 AM.");

    const channels = region("Contact channels");
    expect(await within(channels).findByText("maria.lopez@example.com")).toBeInTheDocument();
    expect(shownFor(channels, "Phone")).toHaveTextContent("(217) 555-0142");
    const addresses = region("Addresses");
    expect(within(addresses).getByText("1208 W Washington St")).toBeInTheDocument();
    expect(addresses).not.toHaveTextContent("(house number hidden)");
    expect(screen.getByText("Contact data is shown because the caller is verified")).toBeInTheDocument();
    expect(screen.getByText(/Each view is recorded in the audit trail/)).toBeInTheDocument();
    expect(screen.queryByText("Contact data stays masked until the caller is verified")).not.toBeInTheDocument();

    await passTime(1_000);
    expect(timer).toHaveTextContent("14:59");
    await passTime(92_000);
    expect(timer).toHaveTextContent("13:27");
    // The countdown is never read out: it is not in a live region, and the one announcement stays as it was.
    expect(timer.closest("[aria-live], [role='status'], [role='alert']")).toBeNull();
    expect(status).toHaveTextContent("Caller verified by security questions. Contact data is shown until 9:15 AM.");
  });

  it("says the answers do not match and how many attempts are left, never which one was wrong", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const panel = verifyPanel();
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText(PET);
    expect(within(panel).getByText("3 attempts left for this account today.")).toBeInTheDocument();

    await answer(user, "Rex", "San Antonio");

    const alert = await within(panel).findByText(/The answers do not match/);
    expect(alert).toHaveTextContent("The answers do not match. 2 attempts left for this account today.");
    const pet = within(panel).getByLabelText(PET);
    const city = within(panel).getByLabelText(CITY);
    // Both boxes are cleared and neither is marked, so nothing hints at which answer failed.
    expect(pet).toHaveValue("");
    expect(city).toHaveValue("");
    expect(pet).toHaveFocus();
    expect(pet).not.toHaveAttribute("aria-invalid");
    expect(city).not.toHaveAttribute("aria-invalid");
    const problem = alert.closest("[role='alert']");
    expect(problem).not.toHaveTextContent(/pet|city|first|second|born/i);
    expect(screen.queryByText("Caller verified", { exact: false })).not.toBeInTheDocument();
    expect(shownFor(region("Contact channels"), "Email")).toHaveTextContent("m••••@example.com");
  });

  it("locks questions after the third failed attempt and offers a code instead", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const panel = verifyPanel();
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText(PET);

    await answer(user, "Rex", "Dallas");
    expect(await within(panel).findByText(/The answers do not match. 2 attempts left/)).toBeInTheDocument();
    await answer(user, "Rex", "Dallas");
    expect(await within(panel).findByText(/The answers do not match. 1 attempt left/)).toBeInTheDocument();
    await answer(user, "Rex", "Dallas");

    expect(await lockNotice()).toHaveTextContent(
      "Question verification is locked for this account until Nov 25, 2026, 9:00 AM. Offer a code by text or email, or the caller verifies in person at a post office.",
    );
    const questions = within(panel).getByRole("button", { name: "Security questions" });
    expect(questions).toBeDisabled();
    expect(questions).toHaveAccessibleDescription("Locked for this account after 3 failed attempts.");
    const text = within(panel).getByRole("button", { name: "Code by text message" });
    expect(text).toBeEnabled();
    expect(text).toHaveFocus();
    expect(within(panel).getByRole("button", { name: "Code by email" })).toBeEnabled();

    await user.keyboard("{Enter}");
    expect(
      await within(panel).findByText(
        sentence("A code was sent by text to •••-•••-0142. Ask the caller to read it out."),
      ),
    ).toBeInTheDocument();
  });

  it("says until when questions stay locked when the account already had three failures today", async () => {
    const twoHoursAgo = Date.now() - 2 * 60 * 60 * 1000;
    fakeVerification.questionFailures.set(maria.id, [twoHoursAgo - 2000, twoHoursAgo - 1000, twoHoursAgo]);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const panel = verifyPanel();

    await chooseMethod(user, "Security questions");

    expect(await lockNotice()).toHaveTextContent("locked for this account until Nov 25, 2026, 7:00 AM.");
    expect(within(panel).queryByLabelText(PET)).not.toBeInTheDocument();
    expect(within(panel).getByRole("button", { name: "Code by text message" })).toHaveFocus();
  });
});
