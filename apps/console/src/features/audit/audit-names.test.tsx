import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { shownFor } from "../../test/account-page.ts";
import { drawnSeqs, focusRow, openAuditPage, openAuditTable, rowOf, useAuditTestWorld } from "../../test/audit-page.ts";
import { appendEvent, staffActor } from "../../test/fake-audit.ts";
import { fakeTrail } from "../../test/fake-audit-trail.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";

/** The query of the last list call, as the API received it. */
const lastListQuery = () => Object.fromEntries(fakeTrail.listCalls.at(-1) ?? []);

/** Ava lifts Maria's lock: event 5, the one event by a member of staff. */
function avaUnlocksMaria() {
  appendEvent({
    action: "account.unlocked",
    accountId: maria.id,
    actor: staffActor(ava),
    at: "2026-11-24T15:04:05.678Z",
    reason: "Verified caller",
    caseRef: "CASE-42",
  });
}

describe("filtering the audit trail by name", () => {
  useAuditTestWorld();

  it("finds a staff member's events by their username", async () => {
    avaUnlocksMaria();
    const { user, location } = await openAuditTable();
    expect(drawnSeqs()).toEqual([5, 4, 3, 2, 1]);

    await tabTo(user, screen.getByLabelText("Actor"));
    await user.keyboard("ava.agent{Enter}");
    await waitFor(() => expect(location().search).toEqual({ actor: "ava.agent" }));
    await waitFor(() => expect(drawnSeqs()).toEqual([5]));
    expect(lastListQuery()).toMatchObject({ actor: "ava.agent" });
  });

  it("finds an account's events by its username, and the link keeps the name", async () => {
    const { user, location } = await openAuditTable();

    await tabTo(user, screen.getByLabelText("Account"));
    await user.keyboard("maria.lopez{Enter}");
    await waitFor(() => expect(location().search).toEqual({ account: "maria.lopez" }));
    await waitFor(() => expect(drawnSeqs()).toEqual([3, 2, 1]));
    expect(lastListQuery()).toMatchObject({ account: "maria.lopez" });
  });

  it("says plainly that nobody has the name typed, with a way back", async () => {
    const { user } = await openAuditPage("/audit?actor=ava.agnt");

    expect(await screen.findAllByText("No staff member or API key named “ava.agnt”.")).not.toHaveLength(0);
    expect(screen.getByText(/Check the spelling/)).toBeInTheDocument();
    expect(screen.queryByText("The audit trail could not be loaded")).not.toBeInTheDocument();
    expect(screen.getByLabelText("Actor")).toHaveValue("ava.agnt");

    await tabTo(user, screen.getByLabelText("Account"));
    await user.keyboard("maria.lopezz{Enter}");
    expect(await screen.findAllByText("No staff member or API key named “ava.agnt”.")).not.toHaveLength(0);

    const clear = screen.getAllByRole("button", { name: "Clear filters" }).at(-1) as HTMLElement;
    await tabTo(user, clear);
    await user.keyboard("{Enter}");
    await screen.findByRole("grid");
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);
  });

  it("names an unknown account", async () => {
    await openAuditPage("/audit?account=maria.lopezz");
    expect(await screen.findAllByText("No account named “maria.lopezz”.")).not.toHaveLength(0);
  });

  it("still reads links with an account id", async () => {
    await openAuditTable(`/audit?accountId=${maria.id}`);
    expect(lastListQuery()).toMatchObject({ accountId: maria.id });
    expect(screen.getByLabelText("Account")).toHaveValue(maria.id);
    expect(drawnSeqs()).toEqual([3, 2, 1]);
  });

  it("shows each account's username beside its id, in the table and the drawer", async () => {
    avaUnlocksMaria();
    const { user } = await openAuditTable();

    const account = within(rowOf(5)).getAllByRole("cell")[4] as HTMLElement;
    expect(within(account).getByRole("link", { name: "maria.lopez" })).toHaveAttribute("href", `/accounts/${maria.id}`);
    expect(account).toHaveTextContent(`maria.lopez${maria.id}`);

    await focusRow(user, 5);
    await user.keyboard("{Enter}");
    const sheet = await screen.findByRole("dialog", { name: "Event 5: Account unlocked" });
    const shown = shownFor(sheet, "Account");
    expect(within(shown).getByRole("link", { name: "maria.lopez" })).toHaveAttribute("href", `/accounts/${maria.id}`);
    expect(shown).toHaveTextContent(`maria.lopez${maria.id}`);
  });
});
