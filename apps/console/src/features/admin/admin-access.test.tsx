import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { ada, sam } from "../../test/admin-fixtures.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { renderApp } from "../../test/render-app.tsx";
import {
  expectRolePageForAva,
  expectRoleTakenAway,
  leaveRolePage,
  openFromMainNav,
  roleRefused,
} from "../../test/role-pages.ts";
import { server } from "../../test/server.ts";

/** Counts calls to the admin list routes, so a test can show nothing was asked of the API. */
function countAdminCalls() {
  const calls: string[] = [];
  server.use(
    http.get(apiPath("/api-keys"), ({ request }) => {
      calls.push(request.url);
      return roleRefused("admin");
    }),
    http.get(apiPath("/staff"), ({ request }) => {
      calls.push(request.url);
      return roleRefused("admin");
    }),
  );
  return calls;
}

describe("the admin section", () => {
  it("is in the main navigation for an admin, and opens on the API keys", async () => {
    const { user, location } = await openFromMainNav(ada, "Administration", "API keys");
    expect(location().pathname).toBe("/admin/api-keys");
    const sections = screen.getByRole("navigation", { name: "Administration" });
    expect(within(sections).getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");

    // The section links sit just before the page title, where the keyboard is now.
    await user.tab({ shift: true });
    expect(within(sections).getByRole("link", { name: "Webhooks" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(sections).getByRole("link", { name: "Staff" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Staff" })).toHaveFocus();
    expect(location().pathname).toBe("/admin/staff");
  });

  it("is not in the navigation for an agent or a supervisor", async () => {
    for (const staff of [ava, sam]) {
      const { unmount } = renderApp("/accounts", { signedInAs: staff });
      const nav = await screen.findByRole("navigation", { name: "Main" });
      expect(within(nav).getByRole("link", { name: "Account search" })).toBeInTheDocument();
      expect(within(nav).queryByRole("link", { name: "Administration" })).not.toBeInTheDocument();
      unmount();
    }
  });

  it("tells an agent who opens an admin address that it needs the admin role, without asking the API", async () => {
    const calls = countAdminCalls();
    const app = renderApp("/admin/api-keys", { signedInAs: ava });

    await expectRolePageForAva("admin");
    expect(screen.queryByRole("navigation", { name: "Administration" })).not.toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(calls).toEqual([]);
    await leaveRolePage(app);
  });

  it("tells a supervisor the same on the staff page", async () => {
    const calls = countAdminCalls();
    renderApp("/admin/staff", { signedInAs: sam });

    expect(await screen.findByRole("heading", { level: 1, name: "You need the admin role" })).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveTextContent("with the Supervisor role");
    expect(calls).toEqual([]);
  });

  it("shows the role page, not an error, when the API refuses an admin whose role was taken away", async () => {
    await expectRoleTakenAway("/admin/staff", "/staff", ada, "admin");
  });

  it("explains a list that did not load, with a way to try again", async () => {
    let fail = true;
    server.use(
      http.get(apiPath("/api-keys"), () =>
        fail ? problem(500, "internal", "Boom.", { requestId: "req_keys_500" }) : HttpResponse.json({ items: [] }),
      ),
    );
    const { user } = renderApp("/admin/api-keys", { signedInAs: ada });

    expect(await screen.findByRole("heading", { level: 1, name: "This page could not be shown" })).toBeInTheDocument();
    expect(screen.getByText("req_keys_500")).toBeInTheDocument();

    fail = false;
    await tabTo(user, screen.getByRole("button", { name: "Try again" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByText(/No API keys yet\./)).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1, name: "API keys" })).toBeInTheDocument();
  });
});
