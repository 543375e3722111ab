import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { chooseMethod, openAccountPage, region, shownFor, verifyPanel } from "../../test/account-page.ts";
import { passTime, startFakeClock } from "../../test/clock.ts";
import { answerQuestions, startVerification } from "../../test/fake-verification.ts";
import { ava, maria } from "../../test/fixtures.ts";

describe("the verified window", () => {
  beforeEach(() => startFakeClock());

  it("closes after 15 minutes: back to the start, and the contact data is masked again", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const panel = verifyPanel();
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText("Ask: What was the name of your first pet?");
    await user.keyboard("Biscuit");
    await user.tab();
    await user.keyboard("San Antonio{Enter}");
    const timer = await within(panel).findByRole("timer");
    expect(await screen.findByText("maria.lopez@example.com")).toBeInTheDocument();

    await passTime(14 * 60_000 + 59_000);
    expect(timer).toHaveTextContent("00:01");
    await passTime(1_000);

    expect(within(panel).queryByRole("timer")).not.toBeInTheDocument();
    expect(within(panel).getByRole("status")).toHaveTextContent(
      "The verified window has closed. Contact data is masked again.",
    );
    expect(within(panel).getByRole("button", { name: "Security questions" })).toHaveFocus();
    const channels = region("Contact channels");
    expect(await within(channels).findByText("m••••@example.com")).toBeInTheDocument();
    expect(shownFor(channels, "Phone")).toHaveTextContent("•••-•••-0142");
    expect(region("Addresses")).toHaveTextContent("(house number hidden)");
    expect(screen.getByText("Contact data stays masked until the caller is verified")).toBeInTheDocument();
  });

  it("opens on the verified banner when the agent's window is still open", async () => {
    const started = startVerification(ava, maria.id, { method: "security_questions", caseRef: "CASE-9" });
    if (!("body" in started)) throw new Error("The verification did not start");
    answerQuestions(ava, String(started.body.id), [
      { questionId: "sq_maria_pet", answer: "Biscuit" },
      { questionId: "sq_maria_city", answer: "San Antonio" },
    ]);
    await passTime(5 * 60_000);

    await openAccountPage(maria, { fakeClock: true });

    const panel = verifyPanel();
    expect(within(panel).getByRole("timer")).toHaveTextContent("10:00");
    expect(panel).toHaveTextContent("Caller verified by security questions · case CASE-9 · window closes in 10:00");
    // The page opened at the account's name; the banner does not take the keyboard.
    expect(screen.getByRole("heading", { level: 1 })).toHaveFocus();
    expect(shownFor(region("Contact channels"), "Email")).toHaveTextContent("maria.lopez@example.com");
  });
});
