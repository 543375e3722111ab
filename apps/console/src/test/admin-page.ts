import type { QueryClient } from "@tanstack/react-query";
import { screen, within } from "@testing-library/react";
import { ada } from "./admin-fixtures.ts";
import { advanceTimers } from "./clock.ts";
import { tabTo } from "./keyboard.ts";
import { renderApp } from "./render-app.tsx";

/** A random UUID, as the console makes for an Idempotency-Key. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Opens an admin page as Ada and waits for its table, named `table`. */
export async function openAdminPage(path: string, table: string, options: { fakeClock?: boolean } = {}) {
  const app = renderApp(path, { signedInAs: ada, ...(options.fakeClock ? { advanceTimers } : {}) });
  await screen.findByRole("table", { name: table });
  return app;
}

/** The table row whose row header is `name`. */
export function row(name: string): HTMLElement {
  const tr = screen.getByRole("rowheader", { name }).closest("tr");
  if (!tr) throw new Error(`No row for ${name}`);
  return tr;
}

export const cells = (tr: HTMLElement) => within(tr).getAllByRole("cell");

/**
 * Presses the button named `name` with the keyboard and finds the dialog it opens: by default a
 * `dialog` of the same name, or e.g. a confirm (`alertdialog`) with its own question.
 */
export async function openDialog(
  user: ReturnType<typeof renderApp>["user"],
  name: string,
  opens: { role?: "dialog" | "alertdialog"; name?: string } = {},
) {
  const button = screen.getByRole("button", { name });
  await tabTo(user, button);
  await user.keyboard("{Enter}");
  return { button, dialog: await screen.findByRole(opens.role ?? "dialog", { name: opens.name ?? name }) };
}

/** Everything the console's query and mutation caches hold, as text, to prove a secret is not kept. */
export function cachedText(queryClient: QueryClient): string {
  return JSON.stringify([
    queryClient
      .getQueryCache()
      .getAll()
      .map((q) => q.state),
    queryClient
      .getMutationCache()
      .getAll()
      .map((m) => m.state),
  ]);
}
