import { screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { ada } from "../../test/admin-fixtures.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath } from "../../test/handlers.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

/** An install whose database holds no accounts: every search answers nothing, and says why. */
beforeEach(() => {
  server.use(
    http.get(apiPath("/accounts"), () => HttpResponse.json({ items: [], nextCursor: null, accountsLoaded: false })),
  );
});

async function searchEmptyInstall(staff: typeof ava) {
  const { user } = renderApp("/accounts", { signedInAs: staff });
  await user.type(await screen.findByLabelText("Search accounts"), "maria{Enter}");
  return screen.findByRole("heading", { level: 3, name: "No accounts yet" });
}

describe("search on an install with no accounts", () => {
  it("tells the agent that no accounts are loaded yet, not that nothing matched", async () => {
    const heading = await searchEmptyInstall(ava);
    const state = heading.closest(".empty-state") as HTMLElement;
    expect(state).toHaveTextContent("No customer accounts have been loaded into Recovery Desk");
    expect(state).toHaveTextContent("Ask an administrator to load them.");
    expect(within(state).queryByText(/accounts:import/)).not.toBeInTheDocument();
    expect(screen.queryByText(/No accounts match/)).not.toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("No accounts have been loaded yet.");
  });

  it("shows an admin both ways to load accounts", async () => {
    const heading = await searchEmptyInstall(ada);
    const state = heading.closest(".empty-state") as HTMLElement;
    expect(within(state).getByText("PUT /api/v1/accounts/by-username/<username>")).toBeInTheDocument();
    expect(within(state).getByText("pnpm accounts:import accounts.ndjson")).toBeInTheDocument();
    expect(within(state).getByText("accounts:write")).toBeInTheDocument();
    expect(within(state).getByRole("link", { name: "API key" })).toHaveAttribute("href", "/admin/api-keys");
    expect(within(state).getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/api/docs");
    expect(state).not.toHaveTextContent("Ask an administrator");
  });
});
