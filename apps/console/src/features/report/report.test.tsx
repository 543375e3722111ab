import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { findAccount } from "../../test/fake-api.ts";
import { fakeAudit } from "../../test/fake-audit.ts";
import { fakeReports, REPORT_LINKS } from "../../test/fake-reports.ts";
import { fakeVerification } from "../../test/fake-verification.ts";
import { maria } from "../../test/fixtures.ts";
import { apiPath } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

let stopCounting = () => {};
afterEach(() => stopCounting());

/** Opens the owner's page for a report link, counting its session checks and reports. */
async function openReportPage(token: string) {
  const asked = { me: 0, reports: 0 };
  stopCounting();
  const count = ({ request }: { request: Request }) => {
    const path = new URL(request.url).pathname;
    if (path === "/api/v1/auth/me") asked.me += 1;
    if (path === "/api/v1/reports") asked.reports += 1;
  };
  server.events.on("request:start", count);
  stopCounting = () => server.events.removeListener("request:start", count);
  const app = renderApp(`/report/${token}`);
  await screen.findByRole("heading", { level: 1 });
  return { ...app, asked };
}

const confirmButton = () => screen.getByRole("button", { name: /^(Confirm|Try again)$/ });

describe("the owner's report page", () => {
  it("needs no sign-in, says what confirming does, and freezes the account with the owner's note, by keyboard", async () => {
    openVerifiedWindow(maria);
    const { user, location, asked } = await openReportPage(REPORT_LINKS.maria);

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Did someone else change your account?");
    const what = screen.getByRole("region", { name: "What happens when you confirm" });
    expect(
      within(what)
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual([
      "Your account is locked at once, so nobody can sign in to it.",
      "Any temporary password we sent for it stops working.",
      "Before it is unlocked, a supervisor has to verify that you are the owner, with a code sent to your phone or email.",
      "We send you a confirmation by email or text message.",
    ]);
    // Outside the staff console: no navigation, no sign-in link, no session check.
    expect(screen.queryByRole("navigation")).not.toBeInTheDocument();
    expect(screen.queryByRole("link")).not.toBeInTheDocument();

    const note = screen.getByLabelText("Anything you want to tell us (optional)");
    expect(note).toHaveAttribute("maxLength", "1000");
    await tabTo(user, note);
    await user.keyboard("I did not call anyone.");
    expect(note).toHaveAccessibleDescription(/22 of 1000 characters/);
    await user.tab();
    expect(confirmButton()).toHaveFocus();
    expect(confirmButton()).toHaveTextContent("Confirm");
    await user.keyboard("{Enter}");

    const done = await screen.findByRole("heading", { level: 1, name: "Your account is locked" });
    await waitFor(() => expect(done).toHaveFocus());
    expect(screen.getByRole("region", { name: "What to do next" })).toHaveTextContent(
      "To use your account again, call USPS phone support. A supervisor will verify that it is you with a code sent by text message or email, and then unlock it.",
    );
    expect(location().pathname).toBe(`/report/${REPORT_LINKS.maria}`);
    expect(asked).toEqual({ me: 0, reports: 1 });

    expect(fakeReports.received).toEqual([{ token: REPORT_LINKS.maria, note: "I did not call anyone." }]);
    expect(findAccount(maria.id)).toMatchObject({ status: "locked", statusReason: "reported_by_owner" });
    expect(fakeAudit.events.at(-1)).toMatchObject({ action: "account.recovery_reported", accountId: maria.id });
    expect([...fakeVerification.verifications.values()].every((v) => (v.verifiedUntil ?? 0) <= Date.now())).toBe(true);
    expect(fakeVerification.outbox.filter((m) => m.kind === "report_confirmation")).toHaveLength(2);
  });

  it("says a used or expired link has already been used or has expired, and what to do instead", async () => {
    for (const token of [REPORT_LINKS.used, REPORT_LINKS.expired, "neverSentByUs_000000000000"]) {
      const { user, unmount } = await openReportPage(token);
      await tabTo(user, confirmButton());
      await user.keyboard("{Enter}");

      const gone = await screen.findByRole("heading", {
        level: 1,
        name: "This link has already been used or has expired",
      });
      await waitFor(() => expect(gone).toHaveFocus());
      expect(screen.getByRole("region", { name: "What to do next" })).toHaveTextContent(
        "If you still think someone else changed your account, call USPS phone support and tell them: they can lock it for you.",
      );
      unmount();
    }
    expect(findAccount(maria.id)?.statusReason).toBe("failed_logins");
  });

  it("asks to try again later when too many reports came from the connection", async () => {
    fakeReports.retryAfter = 600;
    const { user } = await openReportPage(REPORT_LINKS.maria);
    await tabTo(user, confirmButton());
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Too many reports have come from your connection. Try again in 10 minutes.",
    );
    expect(confirmButton()).toHaveTextContent("Try again");
    expect(confirmButton()).toHaveFocus();

    fakeReports.retryAfter = null;
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Your account is locked" })).toBeInTheDocument();
  });

  it("offers Try again when the connection drops, and sends the same report then", async () => {
    server.use(http.post(apiPath("/reports"), () => HttpResponse.error(), { once: true }));
    const { user } = await openReportPage(REPORT_LINKS.maria);
    await user.type(screen.getByLabelText("Anything you want to tell us (optional)"), "Not me");
    await tabTo(user, confirmButton());
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "We could not be reachedYour report was not sent. Check your internet connection, then press Try again.",
    );
    expect(confirmButton()).toHaveTextContent("Try again");
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Your account is locked" })).toBeInTheDocument();
    expect(fakeReports.received).toEqual([{ token: REPORT_LINKS.maria, note: "Not me" }]);
  });

  it("says a cut-off link is not complete, without sending anything", async () => {
    const { user, asked } = await openReportPage("abc123");
    await tabTo(user, confirmButton());
    await user.keyboard("{Enter}");

    const heading = await screen.findByRole("heading", { level: 1, name: "This link is not complete" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(asked.reports).toBe(0);
  });
});
