import { screen, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { ava } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { hold } from "../../test/hold.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

const openSearch = (path = "/accounts") => renderApp(path, { signedInAs: ava });

/** The result card (list item) around an account's link. */
async function resultFor(name: string) {
  const link = await screen.findByRole("link", { name });
  const item = link.closest("li");
  if (!item) throw new Error(`No result card around ${name}`);
  return item;
}

describe("account search", () => {
  it("opens with the search box focused and hints at what can be searched", async () => {
    openSearch();

    expect(await screen.findByLabelText("Search accounts")).toHaveFocus();
    expect(screen.getByText("A phone number, written any way")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Matching accounts" })).not.toBeInTheDocument();
  });

  it("searches as the agent types, keeps the words in the URL, and shows status and masked contact data", async () => {
    const { user, location } = openSearch();

    await user.type(await screen.findByLabelText("Search accounts"), "maria");

    const card = await resultFor("Maria Lopez");
    expect(location().search).toEqual({ q: "maria" });
    expect(within(card).getByText("maria.lopez")).toBeInTheDocument();
    expect(within(card).getByText("Locked")).toBeInTheDocument();
    expect(within(card).getByText("m••••@example.com")).toBeInTheDocument();
    expect(within(card).getByText("•••-•••-0142")).toBeInTheDocument();
    expect(within(card).getByText("Springfield, IL 62704")).toBeInTheDocument();
    expect(card).not.toHaveTextContent("Possible duplicate");
    expect(screen.getByRole("status")).toHaveTextContent("1 account found.");
  });

  it("works keyboard-only: type, Arrow Down into the results, Enter opens the account", async () => {
    const { user, location } = openSearch();
    await screen.findByLabelText("Search accounts");

    await user.keyboard("Maria");
    await screen.findByRole("link", { name: "Maria Lopez" });
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("link", { name: "Maria Lopez" })).toHaveFocus();
    await user.keyboard("{Enter}");

    expect(await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ })).toHaveFocus();
    expect(location().pathname).toBe("/accounts/acc_maria01");
    expect(location().search).toEqual({ q: "Maria" });
  });

  it("moves between results with the arrow keys and goes back to the box from the first one", async () => {
    const { user } = openSearch();
    const box = await screen.findByLabelText("Search accounts");

    await user.type(box, "62701");
    await screen.findAllByRole("link", { name: "Ana Silva" });
    const list = screen.getByRole("list", { name: "Matching accounts" });
    const [first, second] = within(list).getAllByRole("link");
    expect(first).toHaveAccessibleDescription(/ana\.silva/);
    expect(second).toHaveAccessibleDescription(/anasilva1984/);

    await user.keyboard("{ArrowDown}");
    expect(first).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(second).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(second).toHaveFocus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(box).toHaveFocus();
  });

  it("has one Tab stop for the whole result list", async () => {
    const { user } = openSearch("/accounts?q=62701");
    await screen.findAllByRole("link", { name: "Ana Silva" });
    const [first, second] = within(screen.getByRole("list", { name: "Matching accounts" })).getAllByRole("link");

    expect(first).toHaveAttribute("tabindex", "0");
    expect(second).toHaveAttribute("tabindex", "-1");
    first?.focus();
    await user.keyboard("{ArrowDown}");
    expect(first).toHaveAttribute("tabindex", "-1");
    expect(second).toHaveAttribute("tabindex", "0");
  });

  it("marks accounts that share an address as possible duplicates", async () => {
    openSearch("/accounts?q=62701");

    const cards = (await screen.findAllByRole("link", { name: "Ana Silva" })).map((link) => link.closest("li"));
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(card).toHaveTextContent("Possible duplicate (1 other account at this address)");
    }
  });

  it("jumps back to the search box when the agent presses / outside a field", async () => {
    const { user } = openSearch("/accounts?q=maria");
    const box = await screen.findByLabelText("Search accounts");
    await screen.findByRole("link", { name: "Maria Lopez" });

    await user.keyboard("{ArrowDown}");
    expect(box).not.toHaveFocus();
    await user.keyboard("/");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("maria");
  });

  it("filters by status from the keyboard, and the filter lives in the URL", async () => {
    const { user, location } = openSearch();
    await screen.findByLabelText("Search accounts");

    await user.selectOptions(screen.getByLabelText("Status"), "Deactivated");

    expect(await screen.findByRole("link", { name: "Tom Becker" })).toBeInTheDocument();
    expect(location().search).toEqual({ status: "deactivated" });
    const links = within(screen.getByRole("list", { name: "Matching accounts" })).getAllByRole("link");
    expect(links).toHaveLength(1);
    expect(within(await resultFor("Tom Becker")).getByText("Deactivated")).toBeInTheDocument();
  });

  it("says plainly when nothing matches", async () => {
    const { user } = openSearch();

    await user.type(await screen.findByLabelText("Search accounts"), "zzzz{Enter}");

    expect(
      await screen.findByText("No accounts match “zzzz”. Try a phone number, ZIP code or email.", {
        selector: "p.empty-state",
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("No accounts match “zzzz”.");
  });

  it("shows a failed search in words, with the reference to quote to support", async () => {
    server.use(
      http.get(apiPath("/accounts"), () =>
        problem(500, "internal", "Unexpected failure.", { requestId: "req_7f3a9c" }),
      ),
    );
    const { user } = openSearch();

    await user.type(await screen.findByLabelText("Search accounts"), "maria{Enter}");

    expect(await screen.findByText("The search did not work", {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText("Something went wrong on our side. Try again in a moment.")).toBeInTheDocument();
    expect(screen.getByText("req_7f3a9c")).toBeInTheDocument();

    server.resetHandlers();
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Maria Lopez" })).toBeInTheDocument();
  });

  it("says it is searching while the answer is on its way", async () => {
    const { held: answered, release: answer } = hold();
    server.use(
      http.get(apiPath("/accounts"), async () => {
        await answered;
      }),
    );
    const { user } = openSearch();

    await user.type(await screen.findByLabelText("Search accounts"), "maria{Enter}");

    expect(await screen.findByRole("status")).toHaveTextContent("Searching…");
    expect(screen.getByRole("region", { name: "Results" })).toHaveAttribute("aria-busy", "true");
    answer();
    expect(await screen.findByRole("link", { name: "Maria Lopez" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("1 account found.");
  });

  it("loads more results and puts the keyboard on the first new one", async () => {
    const { user } = openSearch("/accounts?q=smith");
    await screen.findByRole("link", { name: "John Smith 1" });
    const list = screen.getByRole("list", { name: "Matching accounts" });
    expect(within(list).getAllByRole("link")).toHaveLength(25);
    expect(screen.getByRole("status")).toHaveTextContent("Showing the first 25 accounts. More are available.");

    await user.click(screen.getByRole("button", { name: "Load more results" }));

    expect(await screen.findByRole("link", { name: "John Smith 26" })).toHaveFocus();
    expect(within(list).getAllByRole("link")).toHaveLength(30);
    expect(screen.queryByRole("button", { name: "Load more results" })).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("30 accounts found.");
  });

  it("follows the URL when the agent goes back to an earlier search", async () => {
    const { router } = openSearch("/accounts?q=tom");
    const box = await screen.findByLabelText("Search accounts");
    await screen.findByRole("link", { name: "Tom Becker" });

    await router.navigate({ to: "/accounts", search: { q: "maria" } });

    expect(await screen.findByRole("link", { name: "Maria Lopez" })).toBeInTheDocument();
    expect(box).toHaveValue("maria");
  });
});
