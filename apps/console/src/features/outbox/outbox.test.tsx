import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { advanceTimers, passTime, startFakeClock } from "../../test/clock.ts";
import { recoveryAction } from "../../test/fake-recovery.ts";
import { FAKE_PUBLIC_URL, fakeReports } from "../../test/fake-reports.ts";
import { startVerification } from "../../test/fake-verification.ts";
import { ava, maria, tom } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { openVerifiedWindow } from "../../test/open-window.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

const messages = () => within(screen.getByRole("list", { name: "Messages, newest first" })).getAllByRole("article");

describe("the demo outbox", () => {
  it("lists the messages a caller would get, newest first, and refreshes every 5 seconds", async () => {
    startFakeClock(); // 9:00 AM in Illinois
    startVerification(ava, maria.id, { method: "otp_sms" });
    await passTime(30_000);
    startVerification(ava, maria.id, { method: "otp_email" });
    const { user, location } = renderApp("/accounts", { signedInAs: ava, advanceTimers });

    const nav = await screen.findByRole("navigation", { name: "Main" });
    const link = await within(nav).findByRole("link", { name: "Outbox" });
    await tabTo(user, link);
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Outbox" })).toHaveFocus();
    expect(location().pathname).toBe("/outbox");
    expect(
      screen.getByText(
        "Demo only: messages that would have been sent by email or text appear here so you can play the caller.",
      ),
    ).toBeInTheDocument();
    const [email, text] = messages();
    expect(within(email as HTMLElement).getByRole("heading")).toHaveTextContent("Email to maria.lopez@example.com");
    expect(email).toHaveTextContent("Your verification code");
    expect(email).toHaveTextContent("November 24, 2026, 9:00:30 AM");
    expect(within(text as HTMLElement).getByRole("heading")).toHaveTextContent("Text message to +12175550142");
    expect(text).toHaveTextContent("November 24, 2026, 9:00:00 AM");
    // The code itself is shown: this page plays the caller's phone.
    expect(text).toHaveTextContent(/Your USPS account verification code is \d{6}\./);

    startVerification(ava, tom.id, { method: "otp_email" });
    await passTime(5_000);

    await waitFor(() => expect(messages()).toHaveLength(3));
    expect(within(messages()[0] as HTMLElement).getByRole("heading")).toHaveTextContent(
      "Email to tom.becker@example.net",
    );
    expect(screen.getByRole("status")).toHaveTextContent("1 new message at the top.");
  });

  it("shows a new message at once when the agent presses Refresh", async () => {
    startVerification(ava, maria.id, { method: "otp_sms" });
    const { user } = renderApp("/outbox", { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: "Outbox" });
    expect(messages()).toHaveLength(1);

    startVerification(ava, tom.id, { method: "otp_email" });
    await tabTo(user, screen.getByRole("button", { name: "Refresh" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(messages()).toHaveLength(2));
  });

  it("says what each message is and its language, and links a notice's report link to the console's own report page", async () => {
    openVerifiedWindow(maria);
    const unlocked = recoveryAction(ava, maria.id, "unlock", { reason: "Caller verified.", caseRef: "CASE-1" }, null);
    expect(unlocked.status).toBe(200);
    const { user, location } = renderApp("/outbox", { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: "Outbox" });

    // Newest first: the unlock's two notices, one to each verified channel (the questions sent nothing).
    const [sms, email] = messages() as [HTMLElement, HTMLElement];
    expect(sms).toHaveTextContent("Notice of a recovery action, in English");
    expect(email).toHaveTextContent("Notice of a recovery action, in English");
    expect(within(email).getByRole("heading")).toHaveTextContent("Email to maria.lopez@example.com");
    expect(email).toHaveTextContent("A change to your USPS account");
    expect(email).toHaveTextContent(/USPS phone support unlocked your account \(case CASE-1\)\. /);

    const link = within(email).getByRole("link");
    // One link per notice: the email went first.
    const [token = "", smsToken = ""] = [...fakeReports.links.keys()].slice(-2);
    expect(link).toHaveTextContent(`${FAKE_PUBLIC_URL}/report/${token}`);
    // Same origin, whatever public address the message names: whoever plays the owner stays in the demo.
    expect(link).toHaveAttribute("href", `/report/${token}`);
    expect(email).toHaveTextContent(`${token} (the link works once, for 30 days).`);
    expect(within(sms).getByRole("link")).toHaveAttribute("href", `/report/${smsToken}`);

    await tabTo(user, link);
    await user.keyboard("{Enter}");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Did someone else change your account?" }),
    ).toBeVisible();
    expect(location().pathname).toBe(`/report/${token}`);
  });

  it("says so when nothing has been sent yet", async () => {
    renderApp("/outbox", { signedInAs: ava });

    expect(await screen.findByText(/No messages yet\./)).toBeInTheDocument();
  });

  it("is hidden, link and page, when the server is not in demo mode", async () => {
    let asked = 0;
    server.use(
      http.get(apiPath("/dev/outbox"), () => {
        asked += 1;
        return problem(404, "not_found", "The outbox exists only in demo mode.");
      }),
    );
    const { router } = renderApp("/accounts", { signedInAs: ava });
    const nav = await screen.findByRole("navigation", { name: "Main" });

    await waitFor(() => expect(asked).toBe(1));
    await waitFor(() => expect(within(nav).getAllByRole("link")).toHaveLength(1));
    expect(within(nav).queryByRole("link", { name: "Outbox" })).not.toBeInTheDocument();

    await router.navigate({ to: "/outbox" });
    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeInTheDocument();
  });
});
