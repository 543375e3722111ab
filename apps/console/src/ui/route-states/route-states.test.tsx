import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { ada } from "../../test/admin-fixtures.ts";
import { fakeApi } from "../../test/fake-api.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

/** The app frame: the header with the console's name and the main navigation, and the page in the main landmark. */
function expectInsideTheAppFrame(heading: string) {
  const banner = screen.getByRole("banner");
  expect(within(banner).getByRole("link", { name: "Recovery Desk" })).toBeInTheDocument();
  expect(within(banner).getByRole("navigation", { name: "Main" })).toBeInTheDocument();
  expect(within(banner).getByText("Ava Agent")).toBeInTheDocument();
  expect(within(screen.getByRole("main")).getByRole("heading", { level: 1, name: heading })).toBeInTheDocument();
}

describe("a page that is not there, inside the app frame", () => {
  it.each(["/nope", "/accounts/acc_maria01/extra", "/admin/nope"])(
    "%s says Page not found with the header and navigation, and leads back to search",
    async (path) => {
      const { user, location } = renderApp(path, { signedInAs: path.startsWith("/admin") ? ada : ava });
      const heading = await screen.findByRole("heading", { level: 1, name: "Page not found" });
      if (!path.startsWith("/admin")) expectInsideTheAppFrame("Page not found");
      else expect(within(screen.getByRole("main")).getByRole("heading", { level: 1 })).toBe(heading);
      expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
      expect(document.title).toBe("Page not found — Recovery Desk");

      await tabTo(user, screen.getByRole("link", { name: "Go to account search" }));
      await user.keyboard("{Enter}");
      await screen.findByRole("heading", { level: 1, name: "Account search" });
      expect(location().pathname).toBe("/accounts");
    },
  );

  it("asks someone signed out to sign in first, and shows the page's fate after", async () => {
    const { user, location } = renderApp("/nope");
    await screen.findByRole("heading", { level: 1, name: "Sign in" });
    expect(location().search).toEqual({ redirect: "/nope" });
    expect(fakeApi.requestCount).toBeLessThanOrEqual(1);

    await user.keyboard("ava.agent");
    await user.tab();
    await user.keyboard("helpdesk-demo{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Page not found" });
    expectInsideTheAppFrame("Page not found");
  });
});

describe("a page that failed, inside the app frame", () => {
  it("shows a page's error with the header and navigation, a reference, and ways on", async () => {
    let failing = true;
    server.use(
      http.get(apiPath(`/accounts/${maria.id}`), () =>
        failing ? problem(500, "internal", "Boom.", { requestId: "req_page_500" }) : undefined,
      ),
    );
    const { user } = renderApp(`/accounts/${maria.id}`, { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: "This page could not be shown" });
    expectInsideTheAppFrame("This page could not be shown");
    expect(screen.getByText("req_page_500")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to account search" })).toHaveAttribute("href", "/accounts");

    failing = false;
    await tabTo(user, screen.getByRole("button", { name: "Try again" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ })).toBeInTheDocument();
  });

  it("shows a failed session check in the console's frame, with its name, a main landmark and Try again", async () => {
    let failing = true;
    server.use(
      http.get(apiPath("/auth/me"), () =>
        failing ? problem(503, "unavailable", "Down.", { requestId: "req_me_503" }) : undefined,
      ),
    );
    const { user } = renderApp("/accounts", { signedInAs: ava });
    await screen.findByRole("heading", { level: 1, name: "This page could not be shown" });
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Recovery Desk" })).toHaveAttribute(
      "href",
      "/accounts",
    );
    const main = screen.getByRole("main");
    expect(within(main).getByRole("heading", { level: 1 })).toHaveTextContent("This page could not be shown");
    expect(within(main).getByText("req_me_503")).toBeInTheDocument();
    await waitFor(() => expect(within(main).getByRole("heading", { level: 1 })).toHaveFocus());

    failing = false;
    await tabTo(user, screen.getByRole("button", { name: "Try again" }));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 1, name: "Account search" });
    expectInsideTheAppFrame("Account search");
  });
});
