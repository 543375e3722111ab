import type { Staff } from "@recovery-desk/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { region, verifyPanel } from "../../test/account-page.ts";
import { sam } from "../../test/admin-fixtures.ts";
import { advanceTimers, startFakeClock } from "../../test/clock.ts";
import { changeAccount } from "../../test/fake-accounts.ts";
import { fakeApi, findAccount } from "../../test/fake-api.ts";
import { fakeAudit } from "../../test/fake-audit.ts";
import { REPORT_LINKS, reportRecovery } from "../../test/fake-reports.ts";
import { latestCode } from "../../test/fake-verification.ts";
import { ana, ava, maria } from "../../test/fixtures.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { actionButton, confirmChord, findToast, recoveryPanel } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";

const HELD = "Held: the owner reported a recovery they did not ask for";

/** Maria's owner answered the notice of her unlock with "this wasn't me". */
function mariaReported() {
  expect(reportRecovery({ token: REPORT_LINKS.maria, note: "Not me." }).status).toBe(202);
}

async function openMaria(staff: Staff) {
  const app = renderApp(`/accounts/${maria.id}`, { signedInAs: staff, advanceTimers });
  await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ });
  return app;
}

describe("an account held on its owner's report", () => {
  beforeEach(() => {
    startFakeClock();
    mariaReported();
    // Sam works the desk too: his verifications join his own window.
    fakeApi.staff = [ava, sam];
  });
  afterEach(() => {
    fakeApi.staff = [ava];
  });

  it("says so in plain words in the search results, the account header, the lock and the history", async () => {
    const { router } = renderApp("/accounts?q=maria", { signedInAs: ava, advanceTimers });
    const result = await screen.findByRole("link", { name: "Maria Lopez" });
    expect(result).toHaveAccessibleDescription(expect.stringContaining(HELD));

    await router.navigate({ to: "/accounts/$accountId", params: { accountId: maria.id } });
    expect(await screen.findByText(HELD)).toBeInTheDocument();
    expect(region("Sign-in lock")).toHaveTextContent(
      "Held on the owner's report — only a supervisor lifts it, after verifying the caller with a code",
    );
    expect(
      await within(region("History")).findByText(
        "Owner reported a recovery they did not ask for (lockout lifted); account held",
      ),
    ).toBeVisible();
    expect(region("History")).toHaveTextContent("the owner's note “Not me.”");
  });

  it("tells an agent that only a supervisor can lift the hold, and offers nothing else, with the reason", async () => {
    openVerifiedWindow(maria);
    await openMaria(ava);

    const panel = recoveryPanel();
    expect(panel).toHaveTextContent("The owner reported a recovery they did not ask for, so the account is held.");
    expect(
      within(panel).getByText(
        "Only a supervisor can lift this hold, after verifying the caller with a code. Ask a supervisor to take the call.",
      ),
    ).toBeVisible();
    expect(within(panel).queryByRole("button", { name: "Lift lockout" })).not.toBeInTheDocument();
    for (const name of ["Send temporary password", "Send username reminder"]) {
      expect(actionButton(name)).toBeDisabled();
      expect(actionButton(name)).toHaveAccessibleDescription(
        "Not while the account is held on the owner's report: the hold must be lifted first.",
      );
    }
    expect(screen.queryByRole("group", { name: "Verify the caller also by" })).not.toBeInTheDocument();
  });

  it("has a supervisor verify by a code first: the code is the obvious first step", async () => {
    await openMaria(sam);

    expect(verifyPanel()).toHaveTextContent(
      "The owner reported a recovery they did not ask for. Verify the caller with a code by text message or email: lifting the hold needs one.",
    );
    const methods = within(within(verifyPanel()).getByRole("group", { name: "How will the caller verify?" }))
      .getAllByRole("button")
      .map((b) => [b.textContent, b.className.includes("primary")]);
    expect(methods).toEqual([
      ["Security questions", false],
      ["Code by text message", true],
      ["Code by email", false],
    ]);
    expect(actionButton("Lift lockout")).toBeDisabled();
    expect(actionButton("Lift lockout")).toHaveAccessibleDescription(
      "Verify the caller with a code by text message or email first.",
    );
  });

  it("lets a supervisor whose window has only the questions add a code, then lift the hold from the keyboard", async () => {
    openVerifiedWindow(maria, "CASE-9", [], sam);
    const { user } = await openMaria(sam);

    const lift = await within(recoveryPanel()).findByRole("button", { name: "Lift lockout" });
    await waitFor(() =>
      expect(lift).toHaveAccessibleDescription(
        "Needs one code. Also send a code by text message, or send a code by email.",
      ),
    );
    expect(lift).toBeDisabled();
    expect(actionButton("Send temporary password")).toBeDisabled();
    const adding = within(recoveryPanel()).getByRole("group", { name: "Verify the caller also by" });
    const buttons = within(adding).getAllByRole("button");
    expect(buttons.map((b) => [b.textContent, b.className.includes("primary")])).toEqual([
      ["Code by text message", true],
      ["Code by email", false],
    ]);

    await user.click(buttons[0] as HTMLElement);
    await user.type(await within(verifyPanel()).findByLabelText("Code the caller reads out"), latestCode());
    await user.keyboard("{Enter}");

    await waitFor(() => expect(actionButton("Lift lockout")).toBeEnabled());
    await waitFor(() => expect(actionButton("Lift lockout")).toHaveFocus());
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("dialog")).toHaveAccessibleDescription(
      "Maria Lopez can sign in again at once with the current password. The hold the owner asked for is lifted, and the owner is told.",
    );
    await confirmChord(user);

    await findToast("Lockout lifted for Maria Lopez.");
    expect(findAccount(maria.id)).toMatchObject({ status: "active", statusReason: null });
    expect(fakeAudit.events.findLast((e) => e.action === "account.unlocked")).toMatchObject({
      actor: { name: "sam.supervisor" },
      details: { liftedReason: "reported_by_owner", evidence: ["knowledge", "sms"] },
    });
    expect(await within(region("History")).findByText("Hold lifted (the owner had reported a recovery)")).toBeVisible();
  });

  it("offers no merge proposal into a held account, and says why", async () => {
    changeAccount(ana.id, {
      status: "locked",
      statusReason: "reported_by_owner",
      lock: { kind: "hard", lockedAt: "2026-11-24T14:00:00.000Z", lockedUntil: null, failedLogins: 0 },
    });
    openVerifiedWindow(ana, "CASE-1", ["otp_email"]);
    renderApp(`/accounts/${ana.id}`, { signedInAs: ava, advanceTimers });

    const propose = await screen.findByRole("button", { name: "Propose a merge" });
    expect(propose).toBeDisabled();
    expect(propose).toHaveAccessibleDescription(
      "Not while the account is held on the owner's report: the hold must be lifted first.",
    );
  });
});
