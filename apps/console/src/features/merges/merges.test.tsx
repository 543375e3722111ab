import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { sam } from "../../test/admin-fixtures.ts";
import { startFakeClock } from "../../test/clock.ts";
import { findAccount } from "../../test/fake-api.ts";
import { fakeMerges, seedCompletedMerge, seedMerge } from "../../test/fake-merges.ts";
import { ana, anaDuplicate, ava, maria, tom, toSummary } from "../../test/fixtures.ts";
import { apiPath } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { confirmChord, dialog, findToast } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";
import { UNDO_OUTCOME } from "./merge-words.ts";

async function openMerges(path: string, staff = sam) {
  const app = renderApp(path, { signedInAs: staff });
  await screen.findByRole("heading", { level: 1, name: "Merges" });
  return app;
}

/** A merge's card (titled by its accounts' names), found by the merge id it shows. */
function mergeCard(id: string): HTMLElement {
  const card = screen.getAllByRole("region").find((region) => within(region).queryByText(id));
  if (!card) throw new Error(`No card for merge ${id}`);
  return card;
}

describe("the supervisor's merges page", () => {
  beforeEach(() => startFakeClock());

  it("is in the main navigation for supervisors, not for agents", async () => {
    await openMerges("/merges");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Merges" })).toHaveAttribute("href", "/merges");
  });

  it("has no Merges link for an agent, and tells an agent who opens it which role it needs", async () => {
    renderApp("/merges", { signedInAs: ava });
    expect(await screen.findByRole("heading", { level: 1, name: "You need the supervisor role" })).toHaveFocus();
    expect(screen.getByRole("main")).toHaveTextContent("You are signed in as Ava Agent, with the Agent role.");
    const nav = screen.getByRole("navigation", { name: "Main" });
    expect(within(nav).queryByRole("link", { name: "Merges" })).not.toBeInTheDocument();
  });

  it("approves Ava's proposal with a reason, keyboard only", async () => {
    const merge = seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id] });
    const { user } = await openMerges("/merges");
    const card = mergeCard(merge.id);
    expect(await within(card).findByRole("link", { name: "Ana Silva (anasilva1984)" })).toHaveAttribute(
      "href",
      `/accounts/${anaDuplicate.id}`,
    );
    expect(within(card).getByRole("link", { name: "Ana Silva (ana.silva)" })).toBeVisible();
    expect(card).toHaveTextContent("ava.agent");
    expect(card).toHaveTextContent("Caller has two accounts at one address");
    expect(card).toHaveTextContent("CASE-1");

    await tabTo(user, within(card).getByRole("button", { name: "Approve" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Approve this merge?");
    await tabTo(user, within(dialog()).getByRole("textbox", { name: "Reason" }));
    await user.keyboard("Same person, same address, confirmed on the call");
    await confirmChord(user);

    await findToast("Merge approved and completed.");
    expect(fakeMerges.merges[0]).toMatchObject({ status: "completed", decidedBy: "sam.supervisor" });
    expect(findAccount(anaDuplicate.id)).toMatchObject({ status: "merged", mergedInto: ana.id });
    // It leaves the waiting list.
    await waitFor(() => expect(screen.queryByText(merge.id)).not.toBeInTheDocument());
    expect(screen.getByText("No merges here: waiting for approval.")).toBeVisible();
  });

  it("does not let the proposer approve or reject their own merge", async () => {
    const merge = seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id], requestedBy: "sam.supervisor" });
    await openMerges("/merges");
    const card = mergeCard(merge.id);
    const approve = within(card).getByRole("button", { name: "Approve" });
    expect(approve).toBeDisabled();
    expect(approve).toHaveAccessibleDescription("You proposed this merge: another supervisor decides.");
    expect(within(card).getByRole("button", { name: "Reject" })).toBeDisabled();
  });

  it("undoes a completed merge: both accounts go back as they were", async () => {
    const merge = seedCompletedMerge();
    expect(findAccount(anaDuplicate.id)?.status).toBe("merged");
    const { user } = await openMerges("/merges?status=completed");
    const card = mergeCard(merge.id);

    await tabTo(user, within(card).getByRole("button", { name: "Undo" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Undo this merge?");
    expect(dialog()).toHaveAccessibleDescription(UNDO_OUTCOME);
    await tabTo(user, within(dialog()).getByRole("textbox", { name: "Reason" }));
    await user.keyboard("Merged by mistake: two different people");
    await confirmChord(user);

    await findToast("Merge undone.");
    expect(fakeMerges.merges[0]).toMatchObject({ status: "undone", undoneBy: "sam.supervisor" });
    expect(findAccount(anaDuplicate.id)).toEqual(anaDuplicate);
  });

  it("offers no undo once the 30 days are over", async () => {
    const merge = seedCompletedMerge({ daysAgo: 31 });
    await openMerges("/merges?status=completed");
    expect(within(mergeCard(merge.id)).queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });
});

describe("the duplicate clusters view", () => {
  beforeEach(() => startFakeClock());

  const clusterList = () => screen.findByRole("list", { name: "Duplicate clusters, largest first" });
  const clusterNames = (list: HTMLElement) =>
    within(list)
      .getAllByRole("region")
      .map((region) => region.getAttribute("aria-labelledby"))
      .map((id) => document.getElementById(id ?? "")?.textContent);

  it("lists clusters largest first, each account a link to its page, keyboard only", async () => {
    const { user, location } = await openMerges("/merges");
    await tabTo(user, screen.getByRole("link", { name: "Duplicate clusters" }));
    await user.keyboard("{Enter}");

    const list = await clusterList();
    expect(location().search).toEqual({ view: "clusters" });
    expect(screen.getByRole("link", { name: "Duplicate clusters" })).toHaveAttribute("aria-current", "page");
    expect(clusterNames(list)).toEqual(["60601|Smith", "62701|Silva"]);

    const smiths = within(list).getByRole("region", { name: "60601|Smith" });
    expect(smiths).toHaveTextContent("30 accounts");
    const silva = within(list).getByRole("region", { name: "62701|Silva" });
    expect(silva).toHaveTextContent("2 accounts");
    const anaLink = within(silva).getByRole("link", { name: "Ana Silva (ana.silva)" });
    expect(anaLink).toHaveAttribute("href", `/accounts/${ana.id}`);
    expect(within(silva).getByRole("link", { name: "Ana Silva (anasilva1984)" })).toHaveAttribute(
      "href",
      `/accounts/${anaDuplicate.id}`,
    );
    expect(silva).toHaveTextContent("a••••@example.com");
    expect(within(silva).getAllByText("Active")).toHaveLength(2);
    expect(screen.getByRole("status")).toHaveTextContent("2 clusters.");
    expect(screen.queryByRole("button", { name: "Load more clusters" })).not.toBeInTheDocument();

    await tabTo(user, anaLink, 80);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(location().pathname).toBe(`/accounts/${ana.id}`));
  });

  it("loads the next page with the cursor and moves the keyboard to the first new cluster", async () => {
    fakeMerges.extraClusters = Array.from({ length: 20 }, (_, index) => ({
      addressKey: `99${String(index).padStart(3, "0")}|Extra`,
      size: 2,
      accounts: [toSummary(maria), toSummary(tom)],
    }));
    const { user } = await openMerges("/merges?view=clusters");
    const list = await clusterList();
    expect(within(list).getAllByRole("region")).toHaveLength(20);
    expect(clusterNames(list).slice(0, 2)).toEqual(["60601|Smith", "62701|Silva"]);
    expect(screen.getByRole("status")).toHaveTextContent("Showing the 20 largest clusters. More are available.");

    await tabTo(user, screen.getByRole("button", { name: "Load more clusters" }), 200);
    await user.keyboard("{Enter}");

    const last = await within(list).findByRole("region", { name: "99019|Extra" });
    expect(fakeMerges.clusterCursors).toEqual([null, "20"]);
    expect(within(list).getAllByRole("region")).toHaveLength(22);
    expect(clusterNames(list).slice(-2)).toEqual(["99018|Extra", "99019|Extra"]);
    const firstNew = within(list).getByRole("region", { name: "99018|Extra" });
    await waitFor(() =>
      expect(within(firstNew).getByRole("link", { name: "Maria Lopez (maria.lopez)" })).toHaveFocus(),
    );
    expect(last).toHaveTextContent("Tom Becker (tom.becker)");
    expect(screen.queryByRole("button", { name: "Load more clusters" })).not.toBeInTheDocument();
  });

  it("says when the clusters could not be loaded and tries again from the keyboard", async () => {
    let failing = true;
    server.use(
      http.get(apiPath("/duplicate-clusters"), () => {
        if (failing) return HttpResponse.json({ title: "Server error" }, { status: 500 });
        return HttpResponse.json({ items: [], nextCursor: null });
      }),
    );
    const { user } = await openMerges("/merges?view=clusters");
    expect(await screen.findByText("The duplicate clusters could not be loaded")).toBeVisible();
    failing = false;
    await tabTo(user, screen.getByRole("button", { name: "Try again" }));
    await user.keyboard("{Enter}");
    expect(
      await screen.findByText("No duplicate clusters: no two accounts share an address.", { selector: ".empty-state" }),
    ).toBeVisible();
  });
});
