import { screen, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { openAccountPage } from "../test/account-page.ts";
import { startFakeClock } from "../test/clock.ts";
import { maria } from "../test/fixtures.ts";
import { openVerifiedWindow } from "../test/open-window.ts";
import { actionButton, confirmChord, findToast, toastsNow } from "../test/recovery-page.ts";

describe("toasts", () => {
  beforeEach(() => startFakeClock());

  async function liftMariasLockout() {
    openVerifiedWindow(maria);
    const app = await openAccountPage(maria, { fakeClock: true });
    await app.user.click(await screen.findByRole("button", { name: "Lift lockout" }));
    await screen.findByRole("dialog");
    await confirmChord(app.user);
    await findToast("Lockout lifted for Maria Lopez.");
    return app;
  }

  it("belong to the page they were raised on: another page starts without them", async () => {
    const { router } = await liftMariasLockout();

    await router.navigate({ to: "/accounts", search: { q: "maria" } });
    await screen.findByRole("heading", { level: 1, name: "Account search" });
    await waitFor(() => expect(toastsNow()).toHaveLength(0));
  });

  it("stay while the page only changes its search (same page, same account)", async () => {
    const { router } = await liftMariasLockout();

    await router.navigate({ to: "/accounts/$accountId", params: { accountId: maria.id }, search: { q: "maria" } });
    await waitFor(() => expect(router.state.location.search).toEqual({ q: "maria" }));
    expect(toastsNow()).toHaveLength(1);
    expect(actionButton("Send temporary password")).toBeInTheDocument();
  });
});
