import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { shownFor } from "../../test/account-page.ts";
import { focusRow, openAuditTable, rowOf, useAuditTestWorld } from "../../test/audit-page.ts";
import { appendEvent, fakeAudit, staffActor } from "../../test/fake-audit.ts";
import { addEvents, fakeTrail } from "../../test/fake-audit-trail.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";

const drawer = () => screen.getByRole("dialog");

describe("the event drawer", () => {
  useAuditTestWorld();

  it("opens on Enter with every field of the event, and Escape puts the keyboard back on its row", async () => {
    appendEvent({
      action: "verification.failed",
      accountId: maria.id,
      actor: staffActor(ava),
      at: "2026-11-24T15:04:05.678Z",
      reason: "Caller could not answer\nthe second question",
      caseRef: "CASE-42",
      details: { method: "security_questions", attemptsRemaining: 2 },
    });
    const [, , , fourth, fifth] = fakeAudit.events;
    const { user, location } = await openAuditTable();

    await focusRow(user, 5);
    await user.keyboard("{Enter}");

    const sheet = await screen.findByRole("dialog", { name: "Event 5: Verification failed" });
    expect(sheet).toHaveAccessibleDescription("Nov 24, 2026, 9:04:05 AM by ava.agent");
    expect(shownFor(sheet, "Sequence")).toHaveTextContent("5");
    expect(shownFor(sheet, "Time")).toHaveTextContent("Nov 24, 2026, 9:04:05 AM2026-11-24 15:04:05.678 UTC");
    expect(shownFor(sheet, "Actor")).toHaveTextContent("Staff: ava.agentstf_ava");
    expect(shownFor(sheet, "Action")).toHaveTextContent("Verification failedverification.failed");
    expect(within(shownFor(sheet, "Account")).getByRole("link", { name: maria.username })).toHaveAttribute(
      "href",
      `/accounts/${maria.id}`,
    );
    expect(shownFor(sheet, "Case reference")).toHaveTextContent("CASE-42");
    expect(shownFor(sheet, "Reason").textContent).toBe("Caller could not answer\nthe second question");
    expect(shownFor(sheet, "Request id")).toHaveTextContent("req_evt_5");
    expect(shownFor(sheet, "Client address")).toHaveTextContent("127.0.0.1");
    expect(shownFor(sheet, "Event id")).toHaveTextContent("evt_5");
    expect(within(sheet).getByText(/"method"/).textContent).toBe(
      '{\n  "method": "security_questions",\n  "attemptsRemaining": 2\n}',
    );
    // Its place in the chain: its previous hash is event 4's hash, shown side by side.
    expect(shownFor(sheet, "Hash")).toHaveTextContent(fifth?.hash ?? "missing");
    expect(shownFor(sheet, "Previous hash")).toHaveTextContent(fifth?.prevHash ?? "missing");
    expect(shownFor(sheet, "Hash of event 4")).toHaveTextContent(fourth?.hash ?? "missing");
    expect(within(sheet).getByText("Linked")).toBeInTheDocument();
    expect(within(sheet).getByRole("button", { name: "Previous event" })).toBeInTheDocument();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(rowOf(5)).toHaveFocus();
    expect(location().pathname).toBe("/audit");
  });

  it("copies a hash to the clipboard", async () => {
    const { user } = await openAuditTable();
    await focusRow(user, 4);
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");

    await tabTo(user, within(drawer()).getByRole("button", { name: "Copy this event's hash" }));
    await user.keyboard("{Enter}");

    expect(await navigator.clipboard.readText()).toBe(fakeAudit.events[3]?.hash);
    expect(within(drawer()).getByRole("button", { name: "Copy this event's hash" })).toHaveTextContent("Copied");
  });

  it("walks back along the chain with “Previous event”, and returns to the row of the event last shown", async () => {
    const { user } = await openAuditTable();
    await focusRow(user, 3);
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog", { name: "Event 3: Account locked" });

    await tabTo(user, within(drawer()).getByRole("button", { name: "Previous event" }));
    await user.keyboard("{Enter}");

    const title = await screen.findByRole("heading", { name: "Event 2: Account unlocked" });
    expect(title).toHaveFocus();
    expect(shownFor(drawer(), "Reason")).toHaveTextContent("The temporary lock ended.");

    await tabTo(user, within(drawer()).getByRole("button", { name: "Previous event" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Event 1: Account locked" })).toHaveFocus();
    expect(within(drawer()).getByText(/This is the first event/)).toBeInTheDocument();
    expect(within(drawer()).queryByRole("button", { name: "Previous event" })).not.toBeInTheDocument();

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(rowOf(1)).toHaveFocus();
  });

  it("finds the previous event by its time when the filtered table does not hold it", async () => {
    const added = addEvents(6, { actor: staffActor(ava) }); // events 5–10, accounts alternating
    const last = added.at(-1);
    const { user } = await openAuditTable("/audit?accountId=acc_bulk0002");
    expect(fakeTrail.listCalls.at(-1)?.get("accountId")).toBe("acc_bulk0002");

    await focusRow(user, 10);
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog", { name: "Event 10: Viewed contact data unmasked" });

    expect(await within(drawer()).findByText("Linked")).toBeInTheDocument();
    expect(shownFor(drawer(), "Hash of event 9")).toHaveTextContent(added.at(-2)?.hash ?? "missing");
    const lookup = fakeTrail.listCalls.at(-1);
    expect(lookup?.get("to")).toBe(new Date(Date.parse(last?.occurredAt ?? "") + 1).toISOString());
    expect(lookup?.get("accountId")).toBeNull();

    await tabTo(user, within(drawer()).getByRole("button", { name: "Previous event" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { name: "Event 9: Signed in" })).toHaveFocus();

    // Event 9 is not in this table: the keyboard goes back to the row the drawer was opened from.
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(rowOf(10)).toHaveFocus();
  });

  it("says so when an event's previous hash is not the previous event's hash", async () => {
    const third = fakeAudit.events[2];
    if (third) third.prevHash = "f".repeat(64);
    const { user } = await openAuditTable();

    await focusRow(user, 3);
    await user.keyboard("{Enter}");

    const sheet = await screen.findByRole("dialog", { name: "Event 3: Account locked" });
    expect(within(sheet).getByText("Not linked")).toBeInTheDocument();
    expect(sheet).toHaveTextContent("The previous hash is not the hash of event 2: the chain is broken here.");
  });
});
