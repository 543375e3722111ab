import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { ava } from "../../test/fixtures.ts";
import { renderApp } from "../../test/render-app.tsx";

describe("the signed-in area", () => {
  it("sends someone who is not signed in to sign-in, and back to the same search afterwards", async () => {
    const { user, location } = renderApp("/accounts?q=maria");

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(location().pathname).toBe("/login");
    expect(location().search).toEqual({ redirect: "/accounts?q=maria" });

    await user.keyboard("ava.agent");
    await user.tab();
    await user.keyboard("helpdesk-demo{Enter}");

    expect(await screen.findByRole("link", { name: "Maria Lopez" })).toBeInTheDocument();
    expect(location().pathname).toBe("/accounts");
    expect(location().search).toEqual({ q: "maria" });
    expect(screen.getByLabelText("Search accounts")).toHaveValue("maria");
  });

  it("refuses to return to another site after sign-in", async () => {
    const { user, location } = renderApp("/login?redirect=//evil.example/phish");

    await user.type(await screen.findByLabelText("Username"), "ava.agent");
    await user.type(screen.getByLabelText("Password"), "helpdesk-demo{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
    expect(location().pathname).toBe("/accounts");
  });

  it("opens on account search, inside the app shell with its landmarks and skip link", async () => {
    const { user, location } = renderApp("/", { signedInAs: ava });

    expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
    expect(location().pathname).toBe("/accounts");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    const main = screen.getByRole("main");

    // The skip link is the first stop for Tab, and it moves focus to the page content.
    (document.activeElement as HTMLElement).blur();
    await user.tab();
    const skip = screen.getByRole("link", { name: "Skip to main content" });
    expect(skip).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(main).toHaveFocus();
  });

  it("signs out: ends the session, forgets what was loaded, and returns to sign-in", async () => {
    const { user, location, queryClient, router } = renderApp("/accounts?q=maria", { signedInAs: ava });
    await screen.findByRole("link", { name: "Maria Lopez" });

    const header = screen.getByRole("banner");
    await user.click(within(header).getByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(location().pathname).toBe("/login");
    // A plain sign-in page: nothing loaded after sign-out went looking for the old session.
    expect(location().search).toEqual({});
    expect(fakeApi.session).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);

    // Going back to search now asks to sign in again instead of showing the old results.
    await router.navigate({ to: "/accounts", search: { q: "maria" } });
    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(location().search).toEqual({ redirect: "/accounts?q=maria" });
    expect(screen.queryByText("Maria Lopez")).not.toBeInTheDocument();
  });

  it("when the session ends mid-call, asks the agent to sign in again and comes back to the same page", async () => {
    const { user, location } = renderApp("/accounts", { signedInAs: ava });
    const box = await screen.findByLabelText("Search accounts");

    fakeApi.session = null; // the 30-minute idle timeout ran out on the server
    await user.type(box, "tom{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Sign in" })).toBeInTheDocument();
    expect(location().search).toEqual({ redirect: "/accounts?q=tom", session: "ended" });
    expect(screen.getByRole("alert")).toHaveTextContent("Your session has ended");
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription(/Sign in again to carry on where you were/);

    await user.keyboard("ava.agent");
    await user.tab();
    await user.keyboard("helpdesk-demo{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
    expect(location().search).toEqual({ q: "tom" });
  });
});
