import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, verifyPanel } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { changeAccount } from "../../test/fake-accounts.ts";
import { fakeAudit } from "../../test/fake-audit.ts";
import { fakeRecovery } from "../../test/fake-recovery.ts";
import { fakeVerification } from "../../test/fake-verification.ts";
import { maria } from "../../test/fixtures.ts";
import { hold } from "../../test/hold.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { actionButton, confirmChord, dialog, findToast, recoveryPanel, toastsNow } from "../../test/recovery-page.ts";
import { server } from "../../test/server.ts";

/** Opens an action's dialog from the keyboard and waits for it. */
async function openDialog(user: UserEvent, name: string) {
  await tabTo(user, actionButton(name));
  await user.keyboard("{Enter}");
  return screen.findByRole("dialog");
}

/** The problem shown inside the dialog. */
const dialogAlert = () =>
  within(dialog())
    .getAllByRole("alert")
    .find((region) => region.textContent);

describe("when a recovery action is not done", () => {
  beforeEach(() => startFakeClock());

  it("shows an illegal move inside the dialog, in the API's words, and reloads the account", async () => {
    openVerifiedWindow(maria);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    // Meanwhile the lock ended by itself.
    changeAccount(maria.id, { status: "active", statusReason: null, lock: null });

    await openDialog(user, "Lift lockout");
    await confirmChord(user);

    expect(await within(dialog()).findByText("Lift lockout is not possible now")).toBeInTheDocument();
    expect(dialogAlert()).toHaveTextContent("The account is not locked. The page now shows the account as it is.");
    expect(await screen.findByText("Active — the customer can sign in")).toBeInTheDocument();
    expect(screen.getByRole("dialog")).toBeInTheDocument();
    expect(toastsNow()).toEqual([]);

    await user.keyboard("{Escape}");
    await waitFor(() => expect(actionButton("Send username reminder")).toHaveFocus());
  });

  it("says the verified window has closed when the API asks to verify again, and puts the call script back", async () => {
    const verificationId = openVerifiedWindow(maria);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const verification = fakeVerification.verifications.get(verificationId);
    if (!verification) throw new Error("No verification");
    verification.verifiedUntil = Date.now() - 1;

    await openDialog(user, "Lift lockout");
    await confirmChord(user);

    await waitFor(() =>
      expect(dialogAlert()).toHaveTextContent("The verified window has closed. Verify the caller again."),
    );
    await waitFor(() => expect(within(dialog()).getByRole("button", { name: "Lift lockout" })).toBeDisabled());
    await user.keyboard("{Escape}");

    await waitFor(() => expect(recoveryPanel()).toHaveFocus());
    expect(within(verifyPanel()).getByRole("button", { name: "Security questions" })).toBeEnabled();
    expect(actionButton("Lift lockout")).toHaveAccessibleDescription("Verify the caller first.");
    expect(screen.getByText(/^Locked — too many failed sign-ins/)).toBeInTheDocument();
  });

  it("says nothing was sent when the text message fails, changes nothing, and sends on the next try", async () => {
    openVerifiedWindow(maria, "CASE-1", ["otp_email"]);
    fakeRecovery.deliveryFails = true;
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await openDialog(user, "Send temporary password");
    expect(within(dialog()).getByRole("radio", { name: "Text message to (217) 555-0142" })).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(await within(dialog()).findByText("Nothing was sent")).toBeInTheDocument();
    expect(dialogAlert()).toHaveTextContent(
      "The text message could not be sent, so nothing changed on the account. Try again, or choose the other way to send it.",
    );
    expect(toastsNow()).toEqual([]);
    expect(screen.getByText(/^Locked — too many failed sign-ins/)).toBeInTheDocument();
    expect(fakeRecovery.passwords).toEqual([]);

    fakeRecovery.deliveryFails = false;
    await user.keyboard("{Enter}");
    await findToast("Temporary password sent by text to •••-•••-0142. It works for 24 hours.");
    expect(toastsNow()).toHaveLength(1);
    // The API keeps nothing for a failed delivery, so trying the same request again under the same key is safe.
    expect(fakeRecovery.keys).toHaveLength(2);
    expect(fakeRecovery.keys[1]).toBe(fakeRecovery.keys[0]);
  });

  it("says when the account's temporary passwords for the day are used up, in the API's words", async () => {
    openVerifiedWindow(maria, "CASE-1", ["otp_email"]);
    const detail = PROBLEM_DETAILS.temporaryPasswordCapReached(2, 7_200);
    server.use(
      http.post(apiPath("/accounts/:id/temporary-password"), () =>
        problem(429, "rate_limited", detail, { retryAfter: 7_200 }),
      ),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await openDialog(user, "Send temporary password");
    await user.keyboard("{Enter}");

    expect(await within(dialog()).findByText("Not done")).toBeInTheDocument();
    expect(dialogAlert()).toHaveTextContent(
      "2 temporary passwords have been sent for this account in 24 hours, the most allowed; nothing was sent or changed. Another can be sent in about 2 hours.",
    );
    expect(toastsNow()).toEqual([]);
  });

  it("reuses the key when the agent tries again after the connection was lost, so nothing happens twice", async () => {
    openVerifiedWindow(maria);
    let dropped = 0;
    server.use(
      http.post(apiPath("/accounts/:id/unlock"), ({ request }) => {
        if (dropped >= 2) return undefined;
        dropped += 1;
        fakeRecovery.keys.push(request.headers.get("Idempotency-Key"));
        return HttpResponse.error();
      }),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openDialog(user, "Lift lockout");

    await confirmChord(user);
    expect(
      await within(dialog()).findByText(
        "The Recovery Desk service cannot be reached. Check your connection and try again.",
      ),
    ).toBeInTheDocument();
    await confirmChord(user);

    await findToast("Lockout lifted for Maria Lopez.");
    expect(fakeRecovery.keys).toHaveLength(3);
    expect(new Set(fakeRecovery.keys).size).toBe(1);
    expect(fakeAudit.events.filter((e) => e.action === "account.unlocked" && e.actor.type === "staff")).toHaveLength(1);
  });

  it("tells in an alert toast when an answer comes after the dialog was closed", async () => {
    openVerifiedWindow(maria);
    const { held: answered, release: answer } = hold();
    server.use(
      http.post(
        apiPath("/accounts/:id/unlock"),
        async () => {
          await answered;
          return problem(409, "invalid_transition", "The account is not locked.");
        },
        { once: true },
      ),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openDialog(user, "Lift lockout");

    await confirmChord(user);
    expect(within(dialog()).getByRole("button", { name: "Lift lockout" })).toHaveAttribute("aria-busy", "true");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    answer();

    const toast = await findToast("Lockout not lifted for Maria Lopez", "danger");
    expect(toast).toHaveTextContent("The account is not locked. The page now shows the account as it is.");
  });
});
