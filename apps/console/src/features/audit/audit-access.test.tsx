import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { ada, sam } from "../../test/admin-fixtures.ts";
import { drawnSeqs, useAuditTestWorld } from "../../test/audit-page.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { apiPath } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { renderApp } from "../../test/render-app.tsx";
import { expectRolePageForAva, expectRoleTakenAway, leaveRolePage, openFromMainNav } from "../../test/role-pages.ts";
import { server } from "../../test/server.ts";

/** Records every call to the audit routes, so a test can show nothing was asked of the API. */
function recordAuditCalls() {
  const calls: string[] = [];
  server.use(
    http.get(apiPath("/audit*"), ({ request }) => {
      calls.push(request.url);
      return undefined;
    }),
  );
  return calls;
}

describe("who can review the audit trail", () => {
  useAuditTestWorld();

  it("is in the main navigation for a supervisor, and opens with the keyboard", async () => {
    const { location } = await openFromMainNav(sam, "Audit trail", "Audit trail");
    expect(location().pathname).toBe("/audit");
    expect(await screen.findByRole("grid")).toBeInTheDocument();
  });

  it("is in the navigation for an admin, and not for an agent", async () => {
    const first = renderApp("/accounts", { signedInAs: ada });
    const adminNav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(adminNav).getByRole("link", { name: "Audit trail" })).toBeInTheDocument();
    first.unmount();

    renderApp("/accounts", { signedInAs: ava });
    const agentNav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(agentNav).getByRole("link", { name: "Account search" })).toBeInTheDocument();
    expect(within(agentNav).queryByRole("link", { name: "Audit trail" })).not.toBeInTheDocument();
  });

  it("tells an agent who opens the address that it needs the supervisor role, without asking the API", async () => {
    const calls = recordAuditCalls();
    const app = renderApp(`/audit?accountId=${maria.id}`, { signedInAs: ava });

    await expectRolePageForAva("supervisor");
    expect(screen.queryByRole("grid")).not.toBeInTheDocument();
    expect(calls).toEqual([]);
    await leaveRolePage(app);
  });

  it("shows the role page, not an error, when the API refuses a supervisor whose role was taken away", async () => {
    await expectRoleTakenAway("/audit", "/audit/state", sam, "supervisor");
  });

  it("links a supervisor from an account to that account's audit events", async () => {
    const { user, location } = renderApp(`/accounts/${maria.id}`, { signedInAs: sam });
    await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ });

    await tabTo(user, screen.getByRole("link", { name: "Audit events for this account" }), 80);
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Audit trail" })).toBeInTheDocument();
    expect(location().search).toEqual({ accountId: maria.id });
    expect(screen.getByLabelText("Account")).toHaveValue(maria.id);
    await waitFor(() => expect(drawnSeqs()).toEqual([3, 2, 1]));
  });

  it("gives an agent no such link on the account page", async () => {
    renderApp(`/accounts/${maria.id}`, { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ });

    expect(screen.queryByRole("link", { name: "Audit events for this account" })).not.toBeInTheDocument();
  });
});
