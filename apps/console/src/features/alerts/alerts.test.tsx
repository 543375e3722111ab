import { ALERT_DETAILS } from "@recovery-desk/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { ada, sam } from "../../test/admin-fixtures.ts";
import { advanceTimers, passTime, startFakeClock } from "../../test/clock.ts";
import { fakeAlerts, raiseFakeAlert } from "../../test/fake-alerts.ts";
import { REPORT_LINKS, reportRecovery } from "../../test/fake-reports.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { apiPath } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { confirmChord, dialog, findToast } from "../../test/recovery-page.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

const mainNav = () => screen.getByRole("navigation", { name: "Main" });

function seedAlerts() {
  const undelivered = raiseFakeAlert({
    kind: "notice_undeliverable",
    accountId: maria.id,
    accountUsername: maria.username,
    detail: ALERT_DETAILS.undeliverable("notice", "account.unlocked", "CASE-1", "sms", 8),
    raisedAt: "2026-11-24T14:00:00.000Z",
  });
  const busy = raiseFakeAlert({
    kind: "agent_velocity",
    staffId: ava.id,
    staffUsername: ava.username,
    detail: ALERT_DETAILS.agentVelocity(ava.username, 20),
    raisedAt: "2026-11-24T14:30:00.000Z",
  });
  return { undelivered, busy };
}

async function openAlerts(path = "/alerts", staff = sam) {
  const app = renderApp(path, { signedInAs: staff, advanceTimers });
  await screen.findByRole("heading", { level: 1, name: "Alerts" });
  return app;
}

/** An alert's card, found by the words of its detail. */
function alertCard(detail: string): HTMLElement {
  const card = screen.getByText(detail).closest("section");
  if (!card) throw new Error(`No card for the alert "${detail}"`);
  return card;
}

describe("the open alerts in the navigation", () => {
  beforeEach(() => startFakeClock());

  it("shows supervisors how many are open, by name, and asks again every 15 seconds", async () => {
    seedAlerts();
    renderApp("/accounts", { signedInAs: sam, advanceTimers });
    const link = await within(await screen.findByRole("navigation", { name: "Main" })).findByRole("link", {
      name: "Alerts, 2 open",
    });
    expect(link).toHaveAttribute("href", "/alerts");
    expect(link).toHaveTextContent("Alerts 2");

    raiseFakeAlert({ kind: "agent_failures", staffUsername: "olga.agent", detail: "olga.agent failed a lot." });
    await passTime(15_000);
    expect(await within(mainNav()).findByRole("link", { name: "Alerts, 3 open" })).toBeVisible();
  });

  it("says none are open, for an admin too; an agent has no Alerts link", async () => {
    renderApp("/accounts", { signedInAs: ada, advanceTimers });
    expect(
      await within(await screen.findByRole("navigation", { name: "Main" })).findByRole("link", {
        name: "Alerts, none open",
      }),
    ).toBeVisible();
  });

  it("is not there for an agent, who never asks for alerts; an agent opening the page is told the role it needs", async () => {
    seedAlerts();
    renderApp("/alerts", { signedInAs: ava });
    expect(await screen.findByRole("heading", { level: 1, name: "You need the supervisor role" })).toHaveFocus();
    expect(within(mainNav()).queryByRole("link", { name: /Alerts/ })).not.toBeInTheDocument();
    expect(fakeAlerts.listCalls).toBe(0);
  });
});

describe("the alerts page", () => {
  beforeEach(() => startFakeClock());

  it("lists the open alerts newest first: kind in plain words, severity, account link, staff, when and detail", async () => {
    const { undelivered, busy } = seedAlerts();
    await openAlerts();
    expect(screen.getByRole("heading", { level: 1, name: "Alerts" })).toHaveFocus();
    const list = await screen.findByRole("list", { name: "Open alerts, newest first" });
    const cards = within(list).getAllByRole("region");
    expect(cards.map((card) => within(card).getByRole("heading", { level: 3 }).textContent)).toEqual([
      "Many recovery actions by one agent",
      "Notice could not be delivered",
    ]);

    const velocity = alertCard(busy.detail);
    expect(velocity).toHaveTextContent("Medium severity");
    expect(velocity).toHaveTextContent("Staffava.agent");
    expect(within(velocity).queryByRole("link")).not.toBeInTheDocument();

    const notice = alertCard(undelivered.detail);
    expect(within(notice).getByRole("link", { name: maria.username })).toHaveAttribute("href", `/accounts/${maria.id}`);
    expect(notice).toHaveTextContent("Raised");
    expect(screen.getByRole("status")).toHaveTextContent("2 alerts.");
  });

  it("acknowledges an alert with a required note, keyboard only; it leaves the open list and the count", async () => {
    const { busy } = seedAlerts();
    const { user } = await openAlerts();
    const card = alertCard(busy.detail);

    await tabTo(user, within(card).getByRole("button", { name: "Acknowledge" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("dialog");
    expect(dialog()).toHaveAccessibleName("Acknowledge this alert?");
    expect(dialog()).toHaveTextContent(busy.detail);
    const note = within(dialog()).getByRole("textbox", { name: "Note" });
    await tabTo(user, note);
    await confirmChord(user);
    expect(await within(dialog()).findByText("Give a note; it is kept in the audit trail.")).toBeVisible();
    expect(note).toHaveFocus();
    expect(note).toHaveAccessibleDescription(/Give a note/);

    await user.keyboard("Spoke to Ava: a batch of lockouts after the policy change.");
    await confirmChord(user);
    await findToast("Alert acknowledged.");
    expect(fakeAlerts.alerts.find((a) => a.id === busy.id)).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "sam.supervisor",
      note: "Spoke to Ava: a batch of lockouts after the policy change.",
    });
    await waitFor(() => expect(screen.queryByText(busy.detail)).not.toBeInTheDocument());
    expect(await within(mainNav()).findByRole("link", { name: "Alerts, 1 open" })).toBeVisible();

    await user.click(screen.getByRole("link", { name: "Acknowledged" }));
    const done = await screen.findByRole("list", { name: "Acknowledged alerts, newest first" });
    expect(within(done).getByRole("region")).toHaveTextContent(
      "Acknowledged bysam.supervisor, Nov 24, 2026, 9:00 AM — Spoke to Ava: a batch of lockouts after the policy change.",
    );
    expect(within(done).queryByRole("button", { name: "Acknowledge" })).not.toBeInTheDocument();
  });

  it("says who acknowledged it first when another supervisor did meanwhile", async () => {
    const { busy } = seedAlerts();
    const { user } = await openAlerts();
    await user.click(within(alertCard(busy.detail)).getByRole("button", { name: "Acknowledge" }));
    Object.assign(busy, {
      status: "acknowledged",
      acknowledgedBy: "ada.admin",
      acknowledgedAt: "2026-11-24T14:45:00.000Z",
      note: "Seen.",
    });
    await user.type(within(dialog()).getByRole("textbox", { name: "Note" }), "Looked into it.");
    await confirmChord(user);
    const toast = await findToast("Already acknowledged", "danger");
    expect(toast).toHaveTextContent("This alert was already acknowledged by ada.admin at 2026-11-24 14:45 UTC.");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    await waitFor(() => expect(screen.queryByText(busy.detail)).not.toBeInTheDocument());
    expect(busy.note).toBe("Seen.");
  });

  it("keeps the dialog and its note when the service cannot be reached", async () => {
    const { busy } = seedAlerts();
    const { user } = await openAlerts();
    await user.click(within(alertCard(busy.detail)).getByRole("button", { name: "Acknowledge" }));
    server.use(http.post(apiPath("/alerts/:id/acknowledge"), () => HttpResponse.error()));
    await user.type(within(dialog()).getByRole("textbox", { name: "Note" }), "Looked into it.");
    await confirmChord(user);
    expect(await within(dialog()).findByText("The alert could not be acknowledged")).toBeVisible();
    expect(within(dialog()).getByRole("textbox", { name: "Note" })).toHaveValue("Looked into it.");
    expect(busy.status).toBe("open");
  });

  it("says so when nothing is open", async () => {
    await openAlerts();
    expect(await screen.findByText("No open alerts.", { selector: ".empty-state" })).toBeVisible();
  });

  it("gets an alert when an owner reports a recovery", async () => {
    reportRecovery({ token: REPORT_LINKS.maria });
    expect(fakeAlerts.alerts).toEqual([
      expect.objectContaining({ kind: "recovery_reported", severity: "high", accountId: maria.id, status: "open" }),
    ]);
  });
});
