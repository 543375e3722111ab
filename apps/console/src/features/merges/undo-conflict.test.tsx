import { screen, within } from "@testing-library/react";
import { http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { sam } from "../../test/admin-fixtures.ts";
import { startFakeClock } from "../../test/clock.ts";
import { findAccount } from "../../test/fake-api.ts";
import { fakeMerges, seedCompletedMerge } from "../../test/fake-merges.ts";
import { anaDuplicate } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { confirmChord, dialog } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

describe("undoing a merge after the accounts changed", () => {
  beforeEach(() => startFakeClock());

  it("says that later changes to the survivor stay, and shows a refusal naming what changed, changing nothing", async () => {
    seedCompletedMerge();
    const refusal =
      "The address PO Box 77, Springfield IL 62705 that this merge moved to ana.silva has changed since; the merge cannot be undone automatically.";
    server.use(http.post(apiPath("/merges/:id/undo"), () => problem(409, "conflict", refusal)));
    const { user } = renderApp("/merges?status=completed", { signedInAs: sam });
    await screen.findByRole("heading", { level: 1, name: "Merges" });

    await tabTo(user, await screen.findByRole("button", { name: "Undo" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleDescription(
      /Changes made to the surviving account since the merge, such as a lock or a temporary password, stay\./,
    );
    await confirmChord(user);

    const alert = await within(dialog()).findByText(refusal);
    expect(alert.closest("[role=alert]")).toHaveTextContent("Not done");
    expect(dialog()).toBeVisible();
    expect(fakeMerges.merges[0]).toMatchObject({ status: "completed", undoneBy: null });
    expect(findAccount(anaDuplicate.id)?.status).toBe("merged");
  });
});
