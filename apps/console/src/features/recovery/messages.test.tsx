import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, region } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { changeAccount } from "../../test/fake-accounts.ts";
import { fakeRecovery } from "../../test/fake-recovery.ts";
import { fakeVerification } from "../../test/fake-verification.ts";
import { ana, maria, tom } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { actionButton, dialog, findToast } from "../../test/recovery-page.ts";

async function openDialog(user: UserEvent, name: string) {
  await tabTo(user, actionButton(name));
  await user.keyboard("{Enter}");
  return screen.findByRole("dialog");
}

describe("sending a temporary password or a username reminder", () => {
  beforeEach(() => startFakeClock());

  it("sends Maria a temporary password by text: the masked number in the toast, and never the password", async () => {
    openVerifiedWindow(maria, "CASE-1", ["otp_sms"]);
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await openDialog(user, "Send temporary password");
    expect(dialog()).toHaveAccessibleName("Send Maria Lopez a temporary password?");
    const text = within(dialog()).getByRole("radio", { name: "Text message to (217) 555-0142" });
    const email = within(dialog()).getByRole("radio", { name: "Email to maria.lopez@example.com" });
    expect(text).toBeChecked();
    expect(text).toHaveFocus();
    expect(email).toBeEnabled();
    expect(dialog()).toHaveAccessibleDescription(
      "A new random password goes by text to (217) 555-0142. It works for 24 hours, and the customer must choose a new password at the next sign-in. Nobody at the desk ever sees it. It also lifts the lockout.",
    );
    expect(within(dialog()).getByRole("textbox", { name: "Reason" })).toHaveValue(
      "Caller verified by security questions and a code sent by text message; temporary password sent at caller's request.",
    );

    // Plain Enter on a one-line field confirms.
    await user.keyboard("{Enter}");

    await findToast("Temporary password sent by text to •••-•••-0142. It works for 24 hours.");
    const [password] = fakeRecovery.passwords;
    expect(password).toBeTruthy();
    const sent = fakeVerification.outbox.findLast((m) => m.kind === "temporary_password");
    expect(sent).toMatchObject({ channel: "sms", recipient: "+12175550142" });
    expect(sent?.body).toContain(password);
    expect(document.body).not.toHaveTextContent(password ?? "");
    // Issuing it lifted the lock and makes the customer choose a new password.
    expect(await screen.findByText("The customer must change the password at the next sign-in.")).toBeInTheDocument();
    expect(screen.getByText("Active — the customer can sign in")).toBeInTheDocument();
    expect(await within(region("History")).findByText("Temporary password sent by text to •••-•••-0142")).toBeVisible();
    expect(document.body).not.toHaveTextContent(password ?? "");
    await waitFor(() => expect(actionButton("Send temporary password")).toHaveFocus());
  });

  it("sends by email when the agent picks it with the arrow keys", async () => {
    openVerifiedWindow(maria, "CASE-1", ["otp_sms"]);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openDialog(user, "Send temporary password");

    await user.keyboard("{ArrowDown}");
    expect(within(dialog()).getByRole("radio", { name: "Email to maria.lopez@example.com" })).toBeChecked();
    expect(dialog()).toHaveAccessibleDescription(expect.stringContaining("goes by email to maria.lopez@example.com."));
    await user.keyboard("{Enter}");

    await findToast("Temporary password sent by email to m••••@example.com. It works for 24 hours.");
    expect(fakeVerification.outbox.findLast((m) => m.kind === "temporary_password")).toMatchObject({
      channel: "email",
      recipient: "maria.lopez@example.com",
    });
  });

  it("does not offer a phone that is not verified, and says why", async () => {
    openVerifiedWindow(tom, "CASE-1", ["otp_email"]);
    const { user } = await openAccountPage(tom, { fakeClock: true });
    await openDialog(user, "Send temporary password");

    const text = within(dialog()).getByRole("radio", { name: "Text message to (309) 555-7781" });
    expect(text).toBeDisabled();
    expect(text).toHaveAccessibleDescription("The phone number is not verified, so nothing can be sent to it.");
    const email = within(dialog()).getByRole("radio", { name: "Email to tom.becker@example.net" });
    expect(email).toBeChecked();
    expect(email).toHaveFocus();
  });

  it("emails Ana a username reminder", async () => {
    openVerifiedWindow(ana);
    const { user } = await openAccountPage(ana, { fakeClock: true });
    expect(actionButton("Send username reminder")).toHaveAccessibleDescription(
      "Emails the username to ana.silva@example.com.",
    );

    await openDialog(user, "Send username reminder");
    expect(dialog()).toHaveAccessibleName("Send Ana Silva a username reminder?");
    expect(dialog()).toHaveAccessibleDescription("An email with the username goes to ana.silva@example.com.");
    await user.keyboard("{Control>}{Enter}{/Control}");

    await findToast("Username reminder sent by email to a••••@example.com.");
    expect(fakeVerification.outbox.findLast((m) => m.kind === "username_reminder")?.body).toContain("ana.silva");
    expect(await within(region("History")).findByText("Username reminder sent to a••••@example.com")).toBeVisible();
  });

  it("keeps the username reminder and the password disabled without a verified channel", async () => {
    changeAccount(ana.id, {
      channels: { email: { masked: "a••••@example.com", verified: false }, phone: ana.channels.phone },
    });
    openVerifiedWindow(ana);
    await openAccountPage(ana, { fakeClock: true });

    expect(actionButton("Send username reminder")).toBeDisabled();
    expect(actionButton("Send username reminder")).toHaveAccessibleDescription(
      "The email address is not verified, so nothing can be sent to it.",
    );
    expect(actionButton("Send temporary password")).toBeDisabled();
    expect(actionButton("Send temporary password")).toHaveAccessibleDescription(
      "No verified phone or email to send it to.",
    );
  });
});
