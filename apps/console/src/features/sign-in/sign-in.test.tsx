import { screen, waitFor } from "@testing-library/react";
import { delay, HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { fakeApi, signInAs } from "../../test/fake-api.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath } from "../../test/handlers.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

describe("sign-in", () => {
  it("signs in with the keyboard only and opens account search", async () => {
    const { user, location } = renderApp("/login");

    const username = await screen.findByLabelText("Username");
    expect(username).toHaveFocus();
    await user.keyboard("ava.agent");
    await user.tab();
    expect(screen.getByLabelText("Password")).toHaveFocus();
    await user.keyboard("helpdesk-demo{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
    expect(location().pathname).toBe("/accounts");
    const banner = screen.getByRole("banner");
    expect(banner).toHaveTextContent("Ava Agent");
    expect(banner).toHaveTextContent("Agent");
    expect(fakeApi.session).toEqual(ava);
  });

  it("says the username or password is not right, and lets the agent type the password again", async () => {
    const { user, location } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "ava.agent");
    await user.type(screen.getByLabelText("Password"), "wrong-password{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Username or password is not right.");
    const password = screen.getByLabelText("Password");
    expect(password).toHaveValue("");
    expect(password).toHaveFocus();
    expect(location().pathname).toBe("/login");
    expect(fakeApi.session).toBeNull();
  });

  it("tells the agent how long to wait after too many failed sign-ins", async () => {
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "too.many");
    await user.type(screen.getByLabelText("Password"), "whatever{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many failed sign-ins. Try again in 5 minutes.");
  });

  it("asks for a missing password without calling the API", async () => {
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "ava.agent{Enter}");

    expect(await screen.findByRole("alert")).toHaveTextContent("Enter your password.");
    expect(screen.getByLabelText("Password")).toHaveFocus();
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(fakeApi.requestCount).toBe(0);
  });

  it("shows a busy button while the sign-in is on its way, and ignores a second press", async () => {
    let calls = 0;
    server.use(
      http.post(apiPath("/auth/login"), async () => {
        calls += 1;
        await delay(150);
        signInAs(ava);
        return HttpResponse.json({ staff: ava });
      }),
    );
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "ava.agent");
    await user.type(screen.getByLabelText("Password"), "helpdesk-demo{Enter}");

    const button = screen.getByRole("button", { name: "Signing in…" });
    expect(button).toHaveAttribute("aria-busy", "true");
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it("explains when the service cannot be reached", async () => {
    server.use(http.post(apiPath("/auth/login"), () => HttpResponse.error()));
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "ava.agent");
    await user.type(screen.getByLabelText("Password"), "helpdesk-demo{Enter}");

    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent("The Recovery Desk service cannot be reached."),
    );
  });
});
