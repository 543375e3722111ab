import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { drawnSeqs, openAuditPage, openAuditTable, useAuditTestWorld } from "../../test/audit-page.ts";
import { fakeTrail } from "../../test/fake-audit-trail.ts";
import { maria, tom } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";

/** The query of the last list call, as the API received it. */
const lastListQuery = () => Object.fromEntries(fakeTrail.listCalls.at(-1) ?? []);

describe("the audit filters", () => {
  useAuditTestWorld();

  it("write what the supervisor picks to the URL and reload the list", async () => {
    const { user, location } = await openAuditTable();
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);

    await tabTo(user, screen.getByLabelText("Account"));
    await user.keyboard(maria.id);
    await waitFor(() => expect(location().search).toEqual({ account: maria.id }));
    await waitFor(() => expect(drawnSeqs()).toEqual([3, 2, 1]));
    expect(lastListQuery()).toMatchObject({ account: maria.id, limit: "100" });

    await user.selectOptions(screen.getByLabelText("Action"), "Account locked");
    await waitFor(() => expect(drawnSeqs()).toEqual([3, 1]));
    expect(location().search).toEqual({ account: maria.id, action: "account.locked" });

    // 9:00 AM in Illinois is 15:00 UTC; the URL and the API get UTC.
    await tabTo(user, screen.getByLabelText("From"));
    await user.keyboard("2026-11-20T09:00");
    expect(screen.getByText("2026-11-20 15:00:00.000 UTC")).toBeInTheDocument();
    await waitFor(() => expect(drawnSeqs()).toEqual([3]));
    expect(location().search).toEqual({
      account: maria.id,
      action: "account.locked",
      from: "2026-11-20T15:00:00.000Z",
    });
    expect(lastListQuery()).toMatchObject({
      account: maria.id,
      action: "account.locked",
      from: "2026-11-20T15:00:00.000Z",
    });
    expect(screen.getByText("1 event found.")).toBeInTheDocument();
  });

  it("open from a shared link with the same filters and results", async () => {
    await openAuditTable(`/audit?accountId=${tom.id}&to=2025-01-01T06%3A00%3A00.000Z&q=1095`);

    expect(drawnSeqs()).toEqual([4]);
    expect(fakeTrail.listCalls).toHaveLength(1);
    expect(lastListQuery()).toMatchObject({ accountId: tom.id, to: "2025-01-01T06:00:00.000Z", q: "1095" });
    expect(screen.getByLabelText("Account")).toHaveValue(tom.id);
    expect(screen.getByLabelText("Words in the reason or details")).toHaveValue("1095");
    // Shown in the supervisor's time zone: midnight in Illinois.
    expect(screen.getByLabelText("Until (not included)")).toHaveValue("2025-01-01T00:00");
    expect(screen.getByLabelText("From")).toHaveValue("");
  });

  it("search free text once typing pauses, and only from two characters", async () => {
    const { user, location } = await openAuditTable();
    const box = screen.getByLabelText("Words in the reason or details");

    await tabTo(user, box);
    await user.keyboard("5");
    expect(screen.getByText("Type at least 2 characters to search.")).toBeInTheDocument();
    expect(box).toHaveAttribute("aria-invalid", "true");

    await user.keyboard(" failed");
    await waitFor(() => expect(location().search).toEqual({ q: "5 failed" }));
    await waitFor(() => expect(drawnSeqs()).toEqual([3, 1]));
    // One call for the words as typed, not one per key.
    expect(fakeTrail.listCalls.map((params) => params.get("q"))).toEqual([null, "5 failed"]);
  });

  it("clear every filter at once", async () => {
    const { user, location } = await openAuditTable(`/audit?accountId=${maria.id}&action=account.locked`);
    expect(drawnSeqs()).toEqual([3, 1]);

    await tabTo(user, screen.getByRole("button", { name: "Clear filters" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(drawnSeqs()).toEqual([4, 3, 2, 1]));
    expect(location().search).toEqual({});
    expect(screen.getByLabelText("Account")).toHaveValue("");
    expect(screen.getByLabelText("Action")).toHaveValue("");
    expect(lastListQuery()).toEqual({ limit: "100" });
  });

  it("say when nothing matches, with a way back to every event", async () => {
    const { user } = await openAuditPage("/audit?caseRef=CASE-NOPE");

    // Said in the page and in the status line for screen readers.
    expect(await screen.findAllByText("No events match these filters.")).toHaveLength(2);
    const clear = screen.getAllByRole("button", { name: "Clear filters" }).at(-1) as HTMLElement;
    await tabTo(user, clear);
    await user.keyboard("{Enter}");
    await screen.findByRole("grid");
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);
  });

  it("drop what a link holds that is not a filter, instead of failing", async () => {
    await openAuditTable("/audit?action=account.exploded&from=yesterday&q=x&limit=9");

    expect(lastListQuery()).toEqual({ limit: "100" });
    expect(screen.getByLabelText("Action")).toHaveValue("");
    expect(screen.getByLabelText("From")).toHaveValue("");
    expect(screen.getByLabelText("Words in the reason or details")).toHaveValue("");
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);
  });
});
