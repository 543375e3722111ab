import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ava, maria, SECRET_ANSWERS } from "../../test/fixtures.ts";
import { renderApp } from "../../test/render-app.tsx";

const openAccount = (path: string) => renderApp(path, { signedInAs: ava });

function section(name: string) {
  return screen.getByRole("region", { name });
}

describe("account detail", () => {
  it("shows Maria's hard lock in words, with when it happened and how many sign-ins failed", async () => {
    openAccount(`/accounts/${maria.id}?q=maria`);

    const heading = await screen.findByRole("heading", { level: 1 });
    expect(heading).toHaveTextContent("Maria Lopez maria.lopez");
    expect(heading).toHaveFocus();
    expect(screen.getByText("Locked — too many failed sign-ins (hard lock: only a recovery lifts it)")).toBeVisible();

    const lock = section("Sign-in lock");
    expect(within(lock).getByText("Kind").nextSibling).toHaveTextContent("Hard lock — stays until a recovery lifts it");
    expect(within(lock).getByText("Locked at").nextSibling).toHaveTextContent("Nov 20, 2026");
    expect(within(lock).getByText("Failed sign-ins").nextSibling).toHaveTextContent("15");
    expect(within(lock).queryByText("Locked until")).not.toBeInTheDocument();
  });

  it("keeps contact data masked until the caller is verified", async () => {
    openAccount(`/accounts/${maria.id}`);
    await screen.findByRole("heading", { level: 1 });

    expect(screen.getByText("Contact data stays masked until the caller is verified")).toBeInTheDocument();
    const channels = section("Contact channels");
    const email = within(channels).getByText("Email").nextSibling as HTMLElement;
    expect(email).toHaveTextContent("m••••@example.com");
    expect(email).toHaveTextContent("Verified");
    expect(within(channels).getByText("Phone").nextSibling).toHaveTextContent("•••-•••-0142Verified");

    const addresses = section("Addresses");
    expect(within(addresses).getByText("••• W Washington St")).toBeInTheDocument();
    expect(addresses).toHaveTextContent("(house number hidden)");
    expect(addresses).toHaveTextContent("Springfield, IL 62704");
  });

  it("lists the security question prompts but never an answer", async () => {
    openAccount(`/accounts/${maria.id}`);
    await screen.findByRole("heading", { level: 1 });

    const questions = within(section("Security questions")).getAllByRole("listitem");
    expect(questions.map((q) => q.textContent)).toEqual([
      "What was the name of your first pet?",
      "In what city were you born?",
    ]);
    for (const answer of SECRET_ANSWERS) {
      expect(document.body).not.toHaveTextContent(answer);
    }
  });

  it("explains a deactivated account and marks a phone that is not verified", async () => {
    openAccount("/accounts/acc_tom0001");

    expect(await screen.findByText("Deactivated — no activity since March 14, 2021")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Sign-in lock" })).not.toBeInTheDocument();
    const phone = within(section("Contact channels")).getByText("Phone").nextSibling;
    expect(phone).toHaveTextContent("•••-•••-7781Not verified");
    const activity = section("Activity");
    expect(within(activity).getByText("Last activity").nextSibling).toHaveTextContent("March 14, 2021");
    expect(within(activity).getByText("Created").nextSibling).toHaveTextContent("September 30, 2014");
  });

  it("goes back to the same search results, by link or by pressing /", async () => {
    const { user, location } = openAccount(`/accounts/${maria.id}?q=maria`);
    await screen.findByRole("heading", { level: 1 });

    await user.click(screen.getByRole("link", { name: "Back to search results" }));
    expect(await screen.findByRole("link", { name: "Maria Lopez" })).toBeInTheDocument();
    expect(location().pathname).toBe("/accounts");
    expect(location().search).toEqual({ q: "maria" });

    await user.keyboard("{ArrowDown}{Enter}");
    await screen.findByRole("heading", { level: 1, name: /Maria Lopez/ });
    await user.keyboard("/");
    expect(await screen.findByLabelText("Search accounts")).toHaveFocus();
    expect(location().search).toEqual({ q: "maria" });
  });

  it("says so when no account has that id", async () => {
    openAccount("/accounts/acc_nope?q=maria");

    expect(await screen.findByRole("heading", { level: 1, name: "Account not found" })).toBeInTheDocument();
    expect(screen.getByText("acc_nope")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to account search" })).toHaveAttribute("href", "/accounts?q=maria");
  });
});
