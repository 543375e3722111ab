import { UNDECIDED } from "@recovery-desk/shared/samples";
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage, region } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { fakeMerges } from "../../test/fake-merges.ts";
import { ana, anaDuplicate, tom } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { confirmChord, dialog, findToast } from "../../test/recovery-page.ts";

const duplicatesPanel = () => region("Possible duplicates");

describe("possible duplicates on the account page", () => {
  beforeEach(() => startFakeClock());

  it("shows anasilva1984 at Ana Silva's address, why it matches, and both side by side", async () => {
    await openAccountPage(ana, { fakeClock: true });
    const panel = await screen.findByRole("region", { name: "Possible duplicates" });
    const link = await within(panel).findByRole("link", { name: "Ana Silva (anasilva1984)" });
    expect(link).toHaveAttribute("href", `/accounts/${anaDuplicate.id}`);
    expect(panel).toHaveTextContent("likely the same person");
    const reasons = within(panel).getByRole("list", { name: "Why anasilva1984 matches" });
    expect(
      within(reasons)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["same address", "same last name", "same first name"]);

    const table = within(panel).getByRole("table", { name: /Side by side/ });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Field", "ana.silva (this account)", "anasilva1984"]);
    const row = (label: string) => within(table).getByRole("rowheader", { name: label }).closest("tr") as HTMLElement;
    expect(row("Username")).toHaveTextContent("anasilva1984 (differs)");
    expect(row("Email")).toHaveTextContent("a••••@example.org (differs)");
    expect(row("Name")).not.toHaveTextContent("differs");
    expect(row("Created")).toHaveTextContent("(differs)");
  });

  it("shows no panel for an account alone at its address", async () => {
    await openAccountPage(tom, { fakeClock: true });
    expect(screen.queryByRole("region", { name: "Possible duplicates" })).not.toBeInTheDocument();
  });

  it("asks to verify the caller before a merge can be proposed", async () => {
    await openAccountPage(ana, { fakeClock: true });
    const button = await within(duplicatesPanel()).findByRole("button", { name: "Propose a merge" });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/^Verify the caller first/);
  });

  it("proposes merging anasilva1984 into the verified ana.silva, keyboard only", async () => {
    openVerifiedWindow(ana, "CASE-9", ["otp_email"]);
    const { user } = await openAccountPage(ana, { fakeClock: true });
    const button = await within(duplicatesPanel()).findByRole("button", { name: "Propose a merge" });
    expect(button).toBeEnabled();

    await tabTo(user, button);
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Merge accounts into ana.silva?");
    expect(dialog()).toHaveTextContent("Case reference: CASE-9");

    // Nothing chosen yet: the dialog says so and sends nothing.
    await tabTo(user, within(dialog()).getByRole("button", { name: "Propose merge" }));
    await user.keyboard("{Enter}");
    expect(await within(dialog()).findByText("Choose 1 to 3 accounts to merge into this one.")).toBeVisible();
    expect(fakeMerges.merges).toHaveLength(0);

    const box = within(dialog()).getByRole("checkbox", { name: /anasilva1984/ });
    expect(box).toHaveFocus();
    await user.keyboard(" ");
    expect(box).toBeChecked();
    await tabTo(user, within(dialog()).getByRole("textbox", { name: "Reason" }));
    await user.keyboard("Caller confirmed both accounts are hers");
    await confirmChord(user);

    await findToast("Merge proposed — waiting for a supervisor");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(fakeMerges.merges).toMatchObject([
      {
        status: "pending_approval",
        survivorId: ana.id,
        mergedIds: [anaDuplicate.id],
        reason: "Caller confirmed both accounts are hers",
        caseRef: "CASE-9",
        requestedBy: "ava.agent",
      },
    ]);
    expect(fakeMerges.keys).toHaveLength(1);
    expect(fakeMerges.keys[0]).toMatch(/.{8,}/);
  });

  it("says why the API refused the proposal, inside the dialog", async () => {
    openVerifiedWindow(ana, "CASE-1", ["otp_email"]);
    // anasilva1984 is already waiting in another merge.
    fakeMerges.merges.push({
      id: "mrg_other",
      ...UNDECIDED,
      survivorId: anaDuplicate.id,
      mergedIds: [ana.id],
      reason: "Earlier call",
      caseRef: null,
      requestedBy: "someone.else",
      requestedAt: "2026-11-24T14:00:00.000Z",
    });
    const { user } = await openAccountPage(ana, { fakeClock: true });
    await tabTo(user, await within(duplicatesPanel()).findByRole("button", { name: "Propose a merge" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    await tabTo(user, within(dialog()).getByRole("checkbox", { name: /anasilva1984/ }));
    await user.keyboard(" ");
    await tabTo(user, within(dialog()).getByRole("textbox", { name: "Reason" }));
    await user.keyboard("Same person");
    await confirmChord(user);

    expect(
      await within(dialog()).findByText("One of these accounts is already in a merge waiting for approval."),
    ).toBeVisible();
    expect(fakeMerges.merges).toHaveLength(1);
  });
});
