import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { sam } from "../../test/admin-fixtures.ts";
import { startFakeClock } from "../../test/clock.ts";
import { fakeMerges, seedCompletedMerge, seedMerge } from "../../test/fake-merges.ts";
import { ana, anaDuplicate } from "../../test/fixtures.ts";
import { apiPath } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { confirmChord, dialog, findToast } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";
import { SUGGESTED_DECISION_REASONS } from "./merge-words.ts";

/** The reasons the console sent with each decision, in order. */
function recordReasons(): { decision: string; reason: string }[] {
  const sent: { decision: string; reason: string }[] = [];
  server.use(
    http.post(apiPath("/merges/:id/:decision"), async ({ request, params }) => {
      const body = (await request.clone().json()) as { reason: string };
      sent.push({ decision: String(params.decision), reason: body.reason });
    }),
  );
  return sent;
}

/** Opens the one seeded merge's decision from the keyboard (the page lists only that merge). */
async function openDecision(path: string, button: "Approve" | "Undo") {
  const { user } = renderApp(path, { signedInAs: sam });
  await screen.findByRole("heading", { level: 1, name: "Merges" });
  await tabTo(user, await screen.findByRole("button", { name: button }));
  await user.keyboard("{Enter}");
  const box = within(await screen.findByRole("dialog")).getByRole("textbox", { name: "Reason" });
  return { user, box };
}

describe("the supervisor's decision reason, like the agent's action reason", () => {
  beforeEach(() => startFakeClock());

  it("Approve starts with a suggested reason, focused, that one chord confirms", async () => {
    seedMerge({ survivorId: ana.id, mergedIds: [anaDuplicate.id] });
    const sent = recordReasons();
    const { user, box } = await openDecision("/merges", "Approve");

    const suggested = SUGGESTED_DECISION_REASONS.approve;
    expect(suggested).toBeTruthy();
    expect(box).toHaveFocus();
    expect(box).toHaveValue(suggested);
    expect(box).toHaveAccessibleDescription(expect.stringContaining(`${suggested.length} of 500 characters`));
    expect(box).not.toHaveAttribute("aria-invalid");

    await confirmChord(user);
    await findToast("Merge approved and completed.");
    expect(sent).toEqual([{ decision: "approve", reason: suggested }]);
    expect(fakeMerges.merges[0]).toMatchObject({ status: "completed", decisionReason: suggested });
  });

  it("Undo starts with a suggested reason that one chord confirms", async () => {
    seedCompletedMerge();
    const sent = recordReasons();
    const { user, box } = await openDecision("/merges?status=completed", "Undo");

    const suggested = SUGGESTED_DECISION_REASONS.undo;
    expect(suggested).toBeTruthy();
    expect(box).toHaveFocus();
    expect(box).toHaveValue(suggested);

    await confirmChord(user);
    await findToast("Merge undone.");
    expect(sent).toEqual([{ decision: "undo", reason: suggested }]);
  });

  it("a reason cleared away is refused before anything is sent, and the agent's words are kept", async () => {
    seedCompletedMerge();
    const sent = recordReasons();
    const { user, box } = await openDecision("/merges?status=completed", "Undo");

    await user.clear(box);
    await confirmChord(user);
    expect(await within(dialog()).findByText("Give a reason; it is kept in the audit trail.")).toBeVisible();
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveFocus();
    expect(sent).toEqual([]);

    await user.keyboard("Merged by mistake: two different people");
    await confirmChord(user);
    await findToast("Merge undone.");
    await waitFor(() =>
      expect(sent).toEqual([{ decision: "undo", reason: "Merged by mistake: two different people" }]),
    );
  });
});
