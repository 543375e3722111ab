import { screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sam } from "../../test/admin-fixtures.ts";
import { startFakeClock } from "../../test/clock.ts";
import { fakeMerges, seedMerge } from "../../test/fake-merges.ts";
import { ana, anaDuplicate } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";
import { dialog } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

/** The approver sees whose accounts a merge joins, and compares them side by side before deciding. */
const TITLE = "Ana Silva (ana.silva) merging in Ana Silva (anasilva1984)";

const calls: string[] = [];
const record = ({ request }: { request: Request }) => {
  calls.push(new URL(request.url).pathname);
};

async function openQueue() {
  const app = renderApp("/merges", { signedInAs: sam });
  await screen.findByRole("heading", { level: 1, name: "Merges" });
  return app;
}

describe("the merge queue", () => {
  beforeEach(() => {
    startFakeClock();
    calls.length = 0;
    server.events.on("request:start", record);
  });
  afterEach(() => {
    server.events.removeListener("request:start", record);
  });

  it("titles each proposal by its accounts' names, survivor first, from the list answer alone", async () => {
    seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id] });
    await openQueue();

    const card = await screen.findByRole("region", { name: TITLE });
    // Seen as "Ana Silva (ana.silva) ← Ana Silva (anasilva1984)"; the arrow is not read out.
    expect(within(card).getByText("←")).toHaveAttribute("aria-hidden", "true");
    expect(within(card).getByRole("link", { name: "Ana Silva (ana.silva)" })).toHaveAttribute(
      "href",
      `/accounts/${ana.id}`,
    );
    expect(within(card).getByRole("link", { name: "Ana Silva (anasilva1984)" })).toHaveAttribute(
      "href",
      `/accounts/${anaDuplicate.id}`,
    );
    expect(card).toHaveTextContent(fakeMerges.merges[0]?.id ?? "missing");
    // No call per account: the list carries the names.
    expect(calls.filter((path) => path.startsWith("/api/v1/accounts/"))).toEqual([]);
    // Lists of merges and of merged accounts are plain lists, without bullets.
    for (const list of screen.getAllByRole("list", { name: /Merges: |Merged into/ })) {
      expect(list).toHaveClass("plain-list");
    }
  });

  it("shows the survivor and the merged account side by side in the approve dialog, differences in words", async () => {
    seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id] });
    const { user } = await openQueue();
    const card = await screen.findByRole("region", { name: TITLE });

    await tabTo(user, within(card).getByRole("button", { name: "Approve" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    const table = within(dialog()).getByRole("table", { name: /Side by side: the surviving account/ });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["Field", "ana.silva (survivor)", "anasilva1984 (merged)"]);
    const row = (label: string) => within(table).getByRole("row", { name: new RegExp(`^${label}`) });
    expect(row("Username")).toHaveTextContent("anasilva1984 (differs)");
    expect(row("Email")).toHaveTextContent("a••••@example.org (differs)");
    expect(row("Name")).not.toHaveTextContent("differs");
    expect(row("City, state, ZIP")).not.toHaveTextContent("differs");
    // Summaries carry no street: a row with nothing in it is left out rather than shown as dashes.
    expect(within(table).queryByRole("row", { name: /^Street/ })).not.toBeInTheDocument();

    // The comparison comes first, yet the dialog opens at the reason, ready to confirm.
    expect(within(dialog()).getByRole("region", { name: /Side by side/ })).toBeInTheDocument();
    expect(within(dialog()).getByRole("textbox", { name: "Reason" })).toHaveFocus();
  });

  it("shows the comparison before a rejection too", async () => {
    seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id] });
    const { user } = await openQueue();
    const card = await screen.findByRole("region", { name: TITLE });

    await tabTo(user, within(card).getByRole("button", { name: "Reject" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(within(dialog()).getByRole("table", { name: /Side by side/ })).toBeInTheDocument();
  });
});
