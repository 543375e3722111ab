import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, region } from "../../test/account-page.ts";
import { advanceTimers, startFakeClock } from "../../test/clock.ts";
import { fakeAudit } from "../../test/fake-audit.ts";
import { fakeRecovery } from "../../test/fake-recovery.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { recoveryResolver } from "../../test/recovery-handlers.ts";
import {
  actionButton,
  confirmChord,
  dialog,
  findToast,
  notifications,
  recoveryPanel,
  verifyByKeyboard,
} from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SUGGESTED = "Caller verified by security questions; lockout lifted at caller's request.";

/** Opens the Lift lockout dialog from the keyboard and returns its reason box. */
async function openLiftDialog(user: Parameters<typeof tabTo>[0]) {
  await tabTo(user, actionButton("Lift lockout"));
  await user.keyboard("{Enter}");
  return within(await screen.findByRole("dialog")).getByRole("textbox", { name: "Reason" });
}

const staffUnlocks = () => fakeAudit.events.filter((e) => e.action === "account.unlocked" && e.actor.type === "staff");

describe("lifting a lockout", () => {
  beforeEach(() => startFakeClock());

  it("lifts Maria's lockout from the keyboard: dialog, suggested reason, toast, Active at once, and a new history entry", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const heading = screen.getByRole("heading", { level: 1 });
    await verifyByKeyboard(user, maria, "CASE-1");

    // Verified: the keyboard is already on the one next step.
    const lift = actionButton("Lift lockout");
    await waitFor(() => expect(lift).toHaveFocus());
    await user.keyboard("{Enter}");

    const box = within(await screen.findByRole("dialog")).getByRole("textbox", { name: "Reason" });
    expect(dialog()).toHaveAccessibleName("Lift Maria Lopez's lockout?");
    expect(dialog()).toHaveAccessibleDescription(
      "Maria Lopez can sign in again at once with the current password. The lock and the 15 failed sign-ins are cleared.",
    );
    expect(box).toHaveFocus();
    expect(box).toHaveValue(SUGGESTED);
    expect(box).toHaveAccessibleDescription(expect.stringContaining(`${SUGGESTED.length} of 500 characters`));
    expect(dialog()).toHaveTextContent("Case reference: CASE-1");

    await confirmChord(user);

    expect(await findToast("Lockout lifted for Maria Lopez.")).toBeVisible();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    // The answer itself updates the page: same page, no reload, the account active, the lock gone.
    expect(screen.getByRole("heading", { level: 1 })).toBe(heading);
    expect(screen.getByText("Active — the customer can sign in")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Sign-in lock" })).not.toBeInTheDocument();
    expect(within(recoveryPanel()).queryByRole("button", { name: "Lift lockout" })).not.toBeInTheDocument();
    // Its button is gone, so the keyboard carries on at the other actions: the first one the
    // questions alone allow (a temporary password also needs a code).
    await waitFor(() => expect(actionButton("Send username reminder")).toHaveFocus());

    const history = region("History");
    const lifted = (await within(history).findByText("Lockout lifted")).closest("li");
    expect(lifted).toHaveTextContent(`by ava.agent — reason “${SUGGESTED}”, case CASE-1`);
    expect(lifted).toHaveTextContent("just now");
    const entries = within(history).getAllByRole("listitem");
    const hardLock = within(history).getByText("Locked after 5 failed sign-ins (hard lock)").closest("li");
    expect(entries.indexOf(lifted as HTMLElement)).toBeLessThan(entries.indexOf(hardLock as HTMLElement));
    expect(staffUnlocks()).toHaveLength(1);
  });

  it("takes five key presses and the verification from the search box to an unlocked account", async () => {
    const { user } = renderApp("/accounts", { signedInAs: ava, advanceTimers });
    expect(await screen.findByRole("searchbox", { name: "Search accounts" })).toHaveFocus();
    let presses = 0;
    const press = async (keys: string) => {
      presses += 1;
      await user.keyboard(keys);
    };

    await press("maria"); // 1. type the name
    await screen.findByRole("link", { name: "Maria Lopez" });
    await press("{ArrowDown}"); // 2. into the results
    await press("{Enter}"); // 3. open the account
    await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ });
    await verifyByKeyboard(user, maria); // the call script itself is not counted
    await waitFor(() => expect(actionButton("Lift lockout")).toHaveFocus());
    await press("{Enter}"); // 4. Lift lockout
    await within(await screen.findByRole("dialog")).findByRole("textbox", { name: "Reason" });
    await press("{Control>}{Enter}{/Control}"); // 5. confirm

    await findToast("Lockout lifted for Maria Lopez.");
    expect(screen.getByText("Active — the customer can sign in")).toBeInTheDocument();
    expect(presses).toBe(5);
  });

  it("keeps every action disabled, saying why, until the caller is verified", async () => {
    await openAccountPage(maria, { fakeClock: true });

    const names = ["Lift lockout", "Send temporary password", "Send username reminder"];
    expect(
      within(recoveryPanel())
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(names);
    for (const name of names) {
      expect(actionButton(name)).toBeDisabled();
      expect(actionButton(name)).toHaveAccessibleDescription("Verify the caller first.");
    }
    expect(within(recoveryPanel()).getAllByText("Verify the caller first.")).toHaveLength(3);
    expect(recoveryPanel()).toHaveTextContent(
      "The account has a hard lock. Only lifting it lets the customer sign in again.",
    );
  });

  it("cancels with Escape: focus stays inside while open, nothing is sent, and the keyboard is back on Lift lockout", async () => {
    openVerifiedWindow(maria);
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await openLiftDialog(user);
    for (let i = 0; i < 5; i++) {
      await user.tab();
      expect(dialog()).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard("{Escape}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(actionButton("Lift lockout")).toHaveFocus());
    expect(fakeRecovery.keys).toEqual([]);
    expect(screen.getByText(/^Locked — too many failed sign-ins/)).toBeInTheDocument();
  });

  it("needs a reason, counts its characters, and takes a plain Enter in the reason box as a new line", async () => {
    openVerifiedWindow(maria);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    const box = await openLiftDialog(user);

    await user.clear(box);
    expect(within(dialog()).getByText("0 of 500 characters")).toBeInTheDocument();
    await confirmChord(user);
    expect(await within(dialog()).findByText("Give a reason; it is kept in the audit trail.")).toBeInTheDocument();
    expect(box).toHaveFocus();
    expect(box).toBeInvalid();
    expect(fakeRecovery.keys).toEqual([]);

    await user.keyboard("Locked out after travel{Enter}");
    expect(box).toHaveValue("Locked out after travel\n");
    expect(within(dialog()).getByText("24 of 500 characters")).toBeInTheDocument();
    expect(fakeRecovery.keys).toEqual([]);

    await confirmChord(user);
    await findToast("Lockout lifted for Maria Lopez.");
    expect(staffUnlocks()[0]).toMatchObject({ reason: "Locked out after travel", caseRef: "CASE-1" });
  });

  it("sends a fresh Idempotency-Key with every confirm", async () => {
    openVerifiedWindow(maria);
    server.use(
      http.post(
        apiPath("/accounts/:id/unlock"),
        ({ request }) => {
          fakeRecovery.keys.push(request.headers.get("Idempotency-Key"));
          return problem(409, "conflict", "A request with this Idempotency-Key is still in progress. Retry shortly.");
        },
        { once: true },
      ),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openLiftDialog(user);

    await confirmChord(user);
    expect(await within(dialog()).findByText(/still in progress/)).toBeInTheDocument();
    await confirmChord(user);
    await findToast("Lockout lifted for Maria Lopez.");

    await tabTo(user, actionButton("Send username reminder"));
    await user.keyboard("{Enter}");
    await within(await screen.findByRole("dialog")).findByRole("textbox", { name: "Reason" });
    await confirmChord(user);
    await findToast("Username reminder sent by email to m••••@example.com.");

    expect(fakeRecovery.keys).toHaveLength(3);
    for (const key of fakeRecovery.keys) expect(key).toMatch(UUID);
    expect(new Set(fakeRecovery.keys).size).toBe(3);
  });

  it("tries a dropped connection once more with the same key, so the lockout is lifted only once", async () => {
    openVerifiedWindow(maria);
    // The API acts, then the answer is lost on the way back.
    server.use(
      http.post<{ id: string }>(
        apiPath("/accounts/:id/unlock"),
        async (info) => {
          await recoveryResolver("unlock")(info);
          return HttpResponse.error();
        },
        { once: true },
      ),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openLiftDialog(user);

    await confirmChord(user);

    await findToast("Lockout lifted for Maria Lopez.");
    expect(fakeRecovery.keys).toHaveLength(2);
    expect(fakeRecovery.keys[0]).toMatch(UUID);
    expect(fakeRecovery.keys[1]).toBe(fakeRecovery.keys[0]);
    expect(staffUnlocks()).toHaveLength(1);
    expect(screen.getByText("Active — the customer can sign in")).toBeInTheDocument();
  });

  it("lets the agent reach and dismiss a toast with the keyboard", async () => {
    openVerifiedWindow(maria);
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await openLiftDialog(user);
    await confirmChord(user);
    const toast = await findToast("Lockout lifted for Maria Lopez.");

    await user.keyboard("[F8]");
    expect(notifications()).toContainElement(document.activeElement as HTMLElement);
    await user.tab();
    expect(toast).toHaveFocus();
    await user.keyboard("{Escape}");

    await waitFor(() => expect(within(notifications()).queryByRole("status")).not.toBeInTheDocument());
  });
});
