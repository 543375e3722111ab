import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { sam } from "../../test/admin-fixtures.ts";
import { CALL_STARTS_AT, startFakeClock } from "../../test/clock.ts";
import { findAccount } from "../../test/fake-api.ts";
import { fakeMerges, seedMerge } from "../../test/fake-merges.ts";
import { ana, anaDuplicate, ava } from "../../test/fixtures.ts";
import { tabTo } from "../../test/keyboard.ts";
import { confirmChord, dialog, findToast } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";

const DAY = 24 * 60 * 60 * 1000;

async function openMerges(path: string, staff = sam) {
  const app = renderApp(path, { signedInAs: staff });
  await screen.findByRole("heading", { level: 1, name: "Merges" });
  return app;
}

const mergeCard = (id: string) => screen.getByRole("region", { name: `Merge ${id}` });

describe("the supervisor's merges page", () => {
  beforeEach(() => startFakeClock());

  it("is in the main navigation for supervisors, not for agents", async () => {
    await openMerges("/merges");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Merges" })).toHaveAttribute("href", "/merges");
  });

  it("has no Merges link for an agent, and tells an agent who opens it who it is for", async () => {
    await openMerges("/merges", ava);
    expect(screen.getByText("This page is for supervisors and admins.")).toBeVisible();
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
    await waitFor(() => expect(screen.queryByRole("region", { name: `Merge ${merge.id}` })).not.toBeInTheDocument());
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
    const merge = seedMerge({
      survivorId: ana.id,
      mergedIds: [anaDuplicate.id],
      status: "completed",
      decidedBy: "other.supervisor",
      decidedAt: new Date(CALL_STARTS_AT.getTime() - DAY).toISOString(),
      completedAt: new Date(CALL_STARTS_AT.getTime() - DAY).toISOString(),
      undoAvailableUntil: new Date(CALL_STARTS_AT.getTime() + 29 * DAY).toISOString(),
    });
    expect(findAccount(anaDuplicate.id)?.status).toBe("merged");
    const { user } = await openMerges("/merges?status=completed");
    const card = mergeCard(merge.id);

    await tabTo(user, within(card).getByRole("button", { name: "Undo" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Undo this merge?");
    expect(dialog()).toHaveAccessibleDescription("Both accounts go back exactly as they were before the merge.");
    await tabTo(user, within(dialog()).getByRole("textbox", { name: "Reason" }));
    await user.keyboard("Merged by mistake: two different people");
    await confirmChord(user);

    await findToast("Merge undone.");
    expect(fakeMerges.merges[0]).toMatchObject({ status: "undone", undoneBy: "sam.supervisor" });
    expect(findAccount(anaDuplicate.id)).toEqual(anaDuplicate);
  });

  it("offers no undo once the 30 days are over", async () => {
    const merge = seedMerge({
      survivorId: ana.id,
      mergedIds: [anaDuplicate.id],
      status: "completed",
      completedAt: new Date(CALL_STARTS_AT.getTime() - 31 * DAY).toISOString(),
      undoAvailableUntil: new Date(CALL_STARTS_AT.getTime() - DAY).toISOString(),
    });
    await openMerges("/merges?status=completed");
    expect(within(mergeCard(merge.id)).queryByRole("button", { name: "Undo" })).not.toBeInTheDocument();
  });
});
