import { PROBLEM_DETAILS, type Role, type Staff } from "@recovery-desk/shared";
import { screen, within } from "@testing-library/react";
import { http } from "msw";
import { expect } from "vitest";
import { apiPath, problem } from "./http.ts";
import { tabTo } from "./keyboard.ts";
import { renderApp } from "./render-app.tsx";
import { server } from "./server.ts";

/** The real API's refusal of a caller without `role`. */
export const roleRefused = (role: Role) => problem(403, "forbidden", PROBLEM_DETAILS.roleNeeded(role));

/**
 * Signs `staff` in on account search, follows the main navigation's `link` with the keyboard, and
 * checks the page titled `heading` opens with the focus on its title and the link marked current.
 */
export async function openFromMainNav(staff: Staff, link: string, heading: string) {
  const app = renderApp("/accounts", { signedInAs: staff });
  const nav = await screen.findByRole("navigation", { name: "Main" });
  const navLink = within(nav).getByRole("link", { name: link });
  await tabTo(app.user, navLink);
  await app.user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 1, name: heading })).toHaveFocus();
  expect(navLink).toHaveAttribute("aria-current", "page");
  return { ...app, link: navLink };
}

/** Checks the page that tells Ava the agent the section needs `role`, with the focus on its title. */
export async function expectRolePageForAva(role: Role) {
  const heading = await screen.findByRole("heading", { level: 1, name: `You need the ${role} role` });
  expect(heading).toHaveFocus();
  expect(screen.getByRole("main")).toHaveTextContent("You are signed in as Ava Agent, with the Agent role.");
}

/** Follows the role page's way out, to account search, with the keyboard. */
export async function leaveRolePage({ user, location }: ReturnType<typeof renderApp>) {
  await tabTo(user, screen.getByRole("link", { name: "Go to account search" }));
  await user.keyboard("{Enter}");
  expect(await screen.findByRole("heading", { level: 1, name: "Account search" })).toBeInTheDocument();
  expect(location().pathname).toBe("/accounts");
}

/**
 * Opens `path` as `staff` while the API refuses `route` for want of `role` (the role was taken away
 * since sign-in), and checks the console shows the role page rather than an error.
 */
export async function expectRoleTakenAway(path: string, route: string, staff: Staff, role: Role) {
  server.use(http.get(apiPath(route), () => roleRefused(role)));
  renderApp(path, { signedInAs: staff });
  expect(await screen.findByRole("heading", { level: 1, name: `You need the ${role} role` })).toBeInTheDocument();
  expect(screen.getByRole("main")).toHaveTextContent("your role no longer includes it");
  expect(screen.queryByText("This page could not be shown")).not.toBeInTheDocument();
}
