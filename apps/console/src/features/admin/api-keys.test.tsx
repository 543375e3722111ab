import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ada } from "../../test/admin-fixtures.ts";
import { cachedText, cells, openAdminPage, openDialog, row, UUID } from "../../test/admin-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { fakeAdmin } from "../../test/fake-admin.ts";
import { tabTo } from "../../test/keyboard.ts";
import { renderApp } from "../../test/render-app.tsx";

const openApiKeys = (options: { fakeClock?: boolean } = {}) =>
  openAdminPage("/admin/api-keys", "API keys, newest first", options);

describe("API keys", () => {
  it("lists each key with its prefix, scopes, creator, last use and status", async () => {
    startFakeClock(); // 9:00 AM in Illinois; the login service called 5 minutes ago
    await openApiKeys({ fakeClock: true });

    const names = screen.getAllByRole("rowheader").map((h) => h.textContent);
    expect(names).toEqual(["Login service (production)", "Audit reports", "Old login service"]);

    const [prefix, scopes, created, lastUsed, status] = cells(row("Login service (production)"));
    expect(within(prefix as HTMLElement).getByText("rdk_7q2m4x9k").tagName).toBe("CODE");
    expect(
      within(scopes as HTMLElement)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["login-events:write"]);
    expect(created).toHaveTextContent("September 1, 2026by ada.admin");
    expect(lastUsed).toHaveTextContent("5 minutes ago");
    expect(status).toHaveTextContent("Active");
    expect(
      within(row("Login service (production)")).getByRole("button", {
        name: "Revoke Login service (production) (rdk_7q2m4x9k)",
      }),
    ).toBeInTheDocument();

    const reports = cells(row("Audit reports"));
    expect(
      within(reports[1] as HTMLElement)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["accounts:read", "audit:read"]);
    expect(reports[3]).toHaveTextContent("Never");

    const old = row("Old login service");
    expect(cells(old)[4]).toHaveTextContent("Revokedon September 1, 2026");
    expect(within(old).queryByRole("button")).not.toBeInTheDocument();
  });

  it("creates a key and shows it once: Done waits for the box, and the key is gone after closing", async () => {
    const { user, queryClient } = await openApiKeys();

    const { button: createButton, dialog } = await openDialog(user, "Create API key");
    const name = within(dialog).getByLabelText("Name");
    expect(name).toHaveFocus();
    await user.keyboard("Fraud reports");
    const accountsRead = within(dialog).getByRole("checkbox", { name: "accounts:read" });
    expect(accountsRead).toHaveAccessibleDescription("find and read accounts, always masked");
    expect(within(dialog).getByRole("checkbox", { name: "login-events:write" })).toHaveAccessibleDescription(
      "report customer logins (lockout policy)",
    );
    expect(within(dialog).getByRole("checkbox", { name: "audit:read" })).toHaveAccessibleDescription(
      "read and export the audit trail",
    );
    await tabTo(user, accountsRead);
    await user.keyboard(" ");
    await tabTo(user, within(dialog).getByRole("checkbox", { name: "audit:read" }));
    await user.keyboard(" ");
    await tabTo(user, within(dialog).getByRole("button", { name: "Create key" }));
    await user.keyboard("{Enter}");

    const reveal = await screen.findByRole("dialog", { name: "Copy the new API key" });
    const field = within(reveal).getByLabelText("API key");
    const key = (field as HTMLInputElement).value;
    expect(key).toMatch(/^rdk_[a-z0-9]{40}$/);
    expect(field).toHaveFocus();
    expect(field).toHaveAttribute("readonly");
    expect(field).toHaveClass("secret-field");
    expect(reveal).toHaveTextContent(
      "This key is shown only now. Store it in the service's secret store before closing.",
    );
    const done = within(reveal).getByRole("button", { name: "Done" });
    expect(done).toBeDisabled();

    // Escape does not throw the key away before it was stored.
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog", { name: "Copy the new API key" })).toBeInTheDocument();

    await tabTo(user, within(reveal).getByRole("button", { name: "Copy" }));
    await user.keyboard("{Enter}");
    expect(await within(reveal).findByRole("status")).toHaveTextContent("Copied");
    await expect(navigator.clipboard.readText()).resolves.toBe(key);

    await tabTo(user, within(reveal).getByRole("checkbox", { name: "I have stored the key" }));
    await user.keyboard(" ");
    expect(done).toBeEnabled();
    await tabTo(user, done);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(createButton).toHaveFocus();
    expect(screen.getByText(/API key “Fraud reports” created\./)).toHaveAttribute("role", "status");

    // The new key is in the list by its prefix; the key itself is nowhere: not on screen, not in any cache.
    const created = await waitFor(() => row("Fraud reports"));
    expect(created).toHaveTextContent(key.slice(0, 12));
    expect(cells(created)[4]).toHaveTextContent("Active");
    expect(document.body.innerHTML).not.toContain(key);
    const cached = cachedText(queryClient);
    expect(cached).toContain("Fraud reports");
    expect(cached).not.toContain(key);
    // Deliberately no Idempotency-Key: the API would keep the answer, key and all, to replay it.
    expect(fakeAdmin.idempotencyKeys).toEqual([null]);
  });

  it("asks for a name and a scope before calling the API", async () => {
    const { user } = await openApiKeys();
    const { dialog } = await openDialog(user, "Create API key");

    await tabTo(user, within(dialog).getByRole("button", { name: "Create key" }));
    await user.keyboard("{Enter}");

    const name = within(dialog).getByLabelText("Name");
    expect(name).toHaveFocus();
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name).toHaveAccessibleDescription(/Enter a name for the key\./);
    expect(within(dialog).getByText("Choose at least one scope.").closest("[role=alert]")).not.toBeNull();
    expect(within(dialog).getByRole("group", { name: "Scopes" })).toHaveAccessibleDescription(
      "Choose at least one scope.",
    );
    expect(fakeAdmin.idempotencyKeys).toEqual([]);

    // With a name, the keyboard goes to the first scope.
    await user.type(name, "Billing export");
    await tabTo(user, within(dialog).getByRole("button", { name: "Create key" }));
    await user.keyboard("{Enter}");
    expect(within(dialog).getByRole("checkbox", { name: "login-events:write" })).toHaveFocus();
    expect(fakeAdmin.idempotencyKeys).toEqual([]);

    // Cancel closes without creating anything, and the keyboard goes back to the button.
    await tabTo(user, within(dialog).getByRole("button", { name: "Cancel" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByRole("button", { name: "Create API key" })).toHaveFocus();
    expect(fakeAdmin.apiKeys).toHaveLength(3);
  });

  it("revokes a key after a confirm that says services stop at once", async () => {
    const { user } = await openApiKeys();

    const { button: revoke, dialog: confirm } = await openDialog(
      user,
      "Revoke Login service (production) (rdk_7q2m4x9k)",
      {
        role: "alertdialog",
        name: "Revoke “Login service (production)”?",
      },
    );
    expect(confirm).toHaveAccessibleDescription(/Services using this key stop working at once\./);
    // The keyboard starts on Cancel, so a habitual Enter changes nothing.
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(revoke).toHaveFocus();
    expect(fakeAdmin.apiKeys[0]?.revokedAt).toBeNull();

    await user.keyboard("{Enter}");
    const again = await screen.findByRole("alertdialog");
    await tabTo(user, within(again).getByRole("button", { name: "Revoke key" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    const revoked = row("Login service (production)");
    await waitFor(() => expect(cells(revoked)[4]).toHaveTextContent("Revoked"));
    expect(within(revoked).queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
    expect(screen.getByRole("rowheader", { name: "Login service (production)" })).toHaveFocus();
    expect(screen.getByText(/API key “Login service \(production\)” revoked\./)).toHaveAttribute("role", "status");
    expect(fakeAdmin.apiKeys.find((k) => k.id === "key_login")?.revokedAt).not.toBeNull();
    expect(fakeAdmin.idempotencyKeys).toHaveLength(1);
    expect(fakeAdmin.idempotencyKeys[0]).toMatch(UUID);
  });

  it("says so in words when another admin revoked the key first", async () => {
    const { user } = await openApiKeys();
    await tabTo(user, screen.getByRole("button", { name: "Revoke Audit reports (rdk_3h8d2k1p)" }));
    await user.keyboard("{Enter}");
    const confirm = await screen.findByRole("alertdialog");

    const reports = fakeAdmin.apiKeys.find((k) => k.id === "key_reports");
    if (reports) reports.revokedAt = new Date().toISOString(); // someone else was quicker
    await tabTo(user, within(confirm).getByRole("button", { name: "Revoke key" }));
    await user.keyboard("{Enter}");

    expect(await within(confirm).findByRole("alert")).toHaveTextContent(
      "This key was already revoked, perhaps by another admin. The list now shows it.",
    );
    expect(within(confirm).queryByRole("button", { name: "Revoke key" })).not.toBeInTheDocument();

    await tabTo(user, within(confirm).getByRole("button", { name: "Close" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    // The list was asked again: the key shows as revoked, and its Revoke button is gone, so the keyboard lands on its row.
    await waitFor(() => expect(cells(row("Audit reports"))[4]).toHaveTextContent("Revoked"));
    expect(screen.getByRole("rowheader", { name: "Audit reports" })).toHaveFocus();
  });

  it("explains what keys are for when there are none yet", async () => {
    fakeAdmin.apiKeys = [];
    renderApp("/admin/api-keys", { signedInAs: ada });

    expect(await screen.findByText(/No API keys yet\. Create one for each service/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create API key" })).toBeInTheDocument();
  });
});
