import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, region } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { changeAccount } from "../../test/fake-accounts.ts";
import { ana, anaDuplicate, tom } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { actionButton, confirmChord, dialog, findToast, recoveryPanel } from "../../test/recovery-page.ts";

describe("the next step for the account's state", () => {
  beforeEach(() => startFakeClock());

  it("reactivates Tom's account, deactivated for inactivity", async () => {
    openVerifiedWindow(tom, "CASE-7", ["otp_email"]);
    const { user } = await openAccountPage(tom, { fakeClock: true });
    expect(recoveryPanel()).toHaveTextContent(
      "The account was deactivated for inactivity. Reactivating it lets the customer sign in again.",
    );

    await tabTo(user, actionButton("Reactivate"));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Reactivate Tom Becker's account?");
    expect(within(dialog()).getByRole("textbox", { name: "Reason" })).toHaveValue(
      "Caller verified by security questions and a code sent by email; account reactivated at caller's request.",
    );
    expect(dialog()).toHaveTextContent("Case reference: CASE-7");
    await confirmChord(user);

    await findToast("Account reactivated for Tom Becker.");
    expect(screen.getByText("Active — the customer can sign in")).toBeInTheDocument();
    expect(within(recoveryPanel()).queryByRole("button", { name: "Reactivate" })).not.toBeInTheDocument();
    const entry = (await within(region("History")).findByText("Reactivated")).closest("li");
    expect(entry).toHaveTextContent("case CASE-7");
    expect(
      within(region("History")).getByText("Deactivated for inactivity (last activity March 14, 2021)"),
    ).toBeVisible();
    await waitFor(() => expect(actionButton("Send temporary password")).toHaveFocus());
  });

  it("offers no state action for an active account, only the messages", async () => {
    openVerifiedWindow(ana, "CASE-1", ["otp_email"]);
    await openAccountPage(ana, { fakeClock: true });

    expect(recoveryPanel()).toHaveTextContent(
      "Nothing is blocking sign-in. If the caller forgot the password or the username, send it.",
    );
    expect(
      within(recoveryPanel())
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Send temporary password", "Send username reminder"]);
    expect(actionButton("Send temporary password")).toBeEnabled();
  });

  it("says why nothing can be done on a merged account", async () => {
    changeAccount(anaDuplicate.id, { status: "merged", statusReason: "merged", mergedInto: ana.id });
    await openAccountPage(anaDuplicate, { fakeClock: true });

    expect(recoveryPanel()).toHaveTextContent(
      "This account was merged into another account, so nothing can be changed on it. Help the caller on the account that remains.",
    );
    expect(within(recoveryPanel()).queryByRole("button")).not.toBeInTheDocument();
  });

  it("says why nothing can be done on a closed account", async () => {
    changeAccount(ana.id, { status: "closed", statusReason: "closed_by_request" });
    await openAccountPage(ana, { fakeClock: true });

    expect(recoveryPanel()).toHaveTextContent("This account is closed, so nothing can be changed on it.");
    expect(within(recoveryPanel()).queryByRole("button")).not.toBeInTheDocument();
  });
});
