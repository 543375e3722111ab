import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, verifyPanel } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { fakePolicy } from "../../test/fake-policy.ts";
import { fakeVerification, latestCode } from "../../test/fake-verification.ts";
import { ana, maria } from "../../test/fixtures.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { actionButton, recoveryPanel } from "../../test/recovery-page.ts";

describe("the call script follows the policy", () => {
  beforeEach(() => startFakeClock());

  it("holds a temporary password back after the questions alone, and names the next step as one obvious action", async () => {
    openVerifiedWindow(maria);
    await openAccountPage(maria, { fakeClock: true });

    const send = await screen.findByRole("button", { name: "Send temporary password" });
    await waitFor(() => expect(send).toBeDisabled());
    expect(send).toHaveAccessibleDescription(
      "Needs two pieces, at least one a code. Also send a code by text message, or send a code by email.",
    );
    expect(actionButton("Lift lockout")).toBeEnabled();
    expect(actionButton("Send username reminder")).toBeEnabled();

    const adding = within(recoveryPanel()).getByRole("group", { name: "Verify the caller also by" });
    const buttons = within(adding).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Code by text message", "Code by email"]);
    // One obvious next step: the first usable method is the primary button.
    expect(buttons.map((b) => b.className.includes("primary"))).toEqual([true, false]);
  });

  it("adds a code to the open window, says what the window rests on, and lets the temporary password go, with the keyboard on it", async () => {
    openVerifiedWindow(maria, "CASE-5");
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const send = await screen.findByRole("button", { name: "Send temporary password" });
    await waitFor(() => expect(send).toBeDisabled());

    await user.click(within(recoveryPanel()).getByRole("button", { name: "Code by text message" }));
    await user.type(await within(verifyPanel()).findByLabelText("Code the caller reads out"), latestCode());
    await user.keyboard("{Enter}");

    await waitFor(() =>
      expect(within(verifyPanel()).getByRole("status")).toHaveTextContent(
        /^Caller verified by security questions and a code sent by text message\./,
      ),
    );
    expect(verifyPanel()).toHaveTextContent(
      "Caller verified by security questions and a code sent by text message · case CASE-5",
    );
    await waitFor(() => expect(actionButton("Send temporary password")).toBeEnabled());
    // The keyboard lands on the action the code was added for, not on the banner or the account's next step.
    await waitFor(() => expect(actionButton("Send temporary password")).toHaveFocus());
    expect(screen.queryByRole("group", { name: "Verify the caller also by" })).not.toBeInTheDocument();
    const window = [...fakeVerification.verifications.values()].find((v) => v.method === "otp_sms");
    expect(window).toMatchObject({ caseRef: "CASE-5", evidence: ["knowledge", "sms"] });
  });

  it("follows another policy from the API: under nist, a temporary password asks for codes on both channels", async () => {
    fakePolicy.preset = "nist";
    fakePolicy.levels = {
      ...fakePolicy.levels,
      unlock: "code",
      username_reminder: "code",
      temporary_password: "two_codes",
    };
    openVerifiedWindow(maria, "CASE-1", ["otp_sms"]);
    await openAccountPage(maria, { fakeClock: true });

    const send = await within(recoveryPanel()).findByRole("button", { name: "Send temporary password" });
    await waitFor(() =>
      expect(send).toHaveAccessibleDescription("Needs two codes on different channels. Also send a code by email."),
    );
    expect(actionButton("Lift lockout")).toBeEnabled();
    const adding = within(recoveryPanel()).getByRole("group", { name: "Verify the caller also by" });
    expect(
      within(adding)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Code by email"]);
  });

  it("holds a merge proposal back until the window has a code", async () => {
    openVerifiedWindow(ana);
    await openAccountPage(ana, { fakeClock: true });
    const propose = await screen.findByRole("button", { name: "Propose a merge" });
    await waitFor(() => expect(propose).toHaveAccessibleDescription("Needs one code. Also send a code by email."));
    expect(propose).toBeDisabled();
  });
});
