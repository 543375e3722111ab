import { cleanup, screen } from "@testing-library/react";
import { http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeApi } from "../../test/fake-api.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath } from "../../test/http.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

/** How often the console asked who is signed in. */
let asked = 0;
beforeEach(() => {
  asked = 0;
  server.use(
    http.get(apiPath("/auth/me"), () => {
      asked += 1;
    }),
  );
});

const hint = () => document.cookie.split(";").some((part) => part.trim() === "rd_signed_in=1");

describe("the signed-in hint", () => {
  it("a first visit without a session goes to sign-in without asking the server who is signed in", async () => {
    expect(hint()).toBe(false);
    const { location } = renderApp("/accounts?q=maria");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(location().search).toEqual({ redirect: "/accounts?q=maria" });
    expect(asked).toBe(0);
    expect(fakeApi.requestCount).toBe(0);
  });

  it("a browser with a session asks once and goes straight in", async () => {
    renderApp("/", { signedInAs: ava });
    expect(hint()).toBe(true);
    await screen.findByRole("heading", { level: 1, name: "Account search" });
    expect(asked).toBe(1);
  });

  it("a hint whose session the server has ended asks once, is refused, and leaves no hint behind", async () => {
    renderApp("/", { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: "Account search" });
    // The server ends the session; this browser still has the hint from its sign-in.
    fakeApi.session = null;
    expect(hint()).toBe(true);
    asked = 0;

    cleanup(); // a new visit: the page is loaded again
    renderApp("/accounts");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(asked).toBe(1);
    expect(hint()).toBe(false);
  });

  it("sign-in sets the hint and sign-out takes it away, so the next visit asks nothing", async () => {
    const { user } = renderApp("/login");
    await user.type(await screen.findByLabelText("Username"), "ava.agent");
    await user.type(screen.getByLabelText("Password"), "helpdesk-demo{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Account search" });
    expect(hint()).toBe(true);

    await user.click(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(hint()).toBe(false);
    asked = 0;
    cleanup();
    renderApp("/accounts");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(asked).toBe(0);
  });
});
