import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { cachedText, cells, openAdminPage, openDialog, row, UUID } from "../../test/admin-page.ts";
import { fakeAdmin } from "../../test/fake-admin.ts";
import { tabTo } from "../../test/keyboard.ts";

const openStaff = () => openAdminPage("/admin/staff", "Staff, by username");

describe("staff administration", () => {
  it("lists staff by username with name, role and status", async () => {
    await openStaff();

    const rows = screen.getAllByRole("rowheader").map((header) => header.textContent);
    expect(rows).toEqual(["ada.admin", "ava.agent", "olga.agent", "sam.supervisor"]);
    const [name, role, status] = cells(row("sam.supervisor"));
    expect(name).toHaveTextContent("Sam Supervisor");
    expect(role).toHaveTextContent("Supervisor");
    expect(status).toHaveTextContent("Active");
    expect(cells(row("olga.agent"))[2]).toHaveTextContent("Disabled");
    expect(within(row("olga.agent")).getByRole("button", { name: "Enable Olga Ortiz" })).toBeEnabled();
  });

  it("keeps the signed-in admin's own row out of reach, and says why", async () => {
    await openStaff();

    const own = row("ada.admin");
    expect(cells(own)[0]).toHaveTextContent("Ada Admin(you)");
    const changeRole = within(own).getByRole("button", { name: "Change role of Ada Admin" });
    const disable = within(own).getByRole("button", { name: "Disable Ada Admin" });
    for (const button of [changeRole, disable]) {
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription("You cannot change your own role or access. Another admin can.");
    }
    expect(within(row("ava.agent")).getByRole("button", { name: "Disable Ava Agent" })).toBeEnabled();
  });

  it("adds a staff member and shows the initial password once", async () => {
    const { user, queryClient } = await openStaff();

    const { button: addButton, dialog } = await openDialog(user, "Add staff member");
    expect(within(dialog).getByLabelText("Username")).toHaveFocus();
    await user.keyboard("pat.lee");
    await user.tab();
    expect(within(dialog).getByLabelText("Display name")).toHaveFocus();
    await user.keyboard("Pat Lee");
    const role = within(dialog).getByLabelText("Role");
    await user.tab();
    expect(role).toHaveFocus();
    // A native select: user-event has no arrow keys for it, so pick the option as the keyboard would.
    await user.selectOptions(role, "Supervisor");
    expect(role).toHaveAccessibleDescription("Supervisor: also approves merges and reviews the audit trail.");
    await tabTo(user, within(dialog).getByRole("button", { name: "Add staff member" }));
    await user.keyboard("{Enter}");

    const reveal = await screen.findByRole("dialog", { name: "Give Pat Lee their initial password" });
    const field = within(reveal).getByLabelText("Initial password");
    const password = (field as HTMLInputElement).value;
    expect(password).toMatch(/^Temp-/);
    expect(field).toHaveFocus();
    expect(reveal).toHaveTextContent("This password is shown only now");
    const done = within(reveal).getByRole("button", { name: "Done" });
    expect(done).toBeDisabled();

    await tabTo(user, within(reveal).getByRole("button", { name: "Copy" }));
    await user.keyboard("{Enter}");
    expect(await within(reveal).findByRole("status")).toHaveTextContent("Copied");
    await expect(navigator.clipboard.readText()).resolves.toBe(password);
    await tabTo(user, within(reveal).getByRole("checkbox", { name: "I have passed on the password" }));
    await user.keyboard(" ");
    await tabTo(user, done);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(addButton).toHaveFocus();
    expect(screen.getByText("Pat Lee was added as Supervisor. They can sign in now.")).toHaveAttribute(
      "role",
      "status",
    );
    await waitFor(() => expect(cells(row("pat.lee"))[1]).toHaveTextContent("Supervisor"));
    expect(document.body.innerHTML).not.toContain(password);
    const cached = cachedText(queryClient);
    expect(cached).toContain("pat.lee");
    expect(cached).not.toContain(password);
  });

  it("says in words that a username is taken, and puts the keyboard back in the field", async () => {
    const { user } = await openStaff();
    const { dialog } = await openDialog(user, "Add staff member");

    await user.keyboard("ava.agent");
    await user.tab();
    await user.keyboard("Another Ava{Enter}");

    const message = await within(dialog).findByText("The username “ava.agent” is taken. Choose another one.");
    expect(message.closest("[role=alert]")).not.toBeNull();
    const username = within(dialog).getByLabelText("Username");
    expect(username).toHaveFocus();
    expect(username).toHaveAttribute("aria-invalid", "true");
    expect(username).toHaveAccessibleDescription(/The username “ava.agent” is taken\./);
    expect(fakeAdmin.staff.filter((s) => s.username === "ava.agent")).toHaveLength(1);
  });

  it("disables someone after a confirm that says their sessions end at once", async () => {
    const { user } = await openStaff();

    const disable = within(row("sam.supervisor")).getByRole("button", { name: "Disable Sam Supervisor" });
    await tabTo(user, disable);
    await user.keyboard("{Enter}");
    const confirm = await screen.findByRole("alertdialog", { name: "Disable Sam Supervisor?" });
    expect(confirm).toHaveAccessibleDescription(/Their sessions end at once\./);
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(confirm).getByRole("button", { name: "Disable" })).toHaveFocus();
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByText("Sam Supervisor is disabled. Their sessions have ended.")).toHaveAttribute(
      "role",
      "status",
    );
    expect(cells(row("sam.supervisor"))[2]).toHaveTextContent("Disabled");
    // The same button now offers the way back, and the keyboard is on it.
    expect(within(row("sam.supervisor")).getByRole("button", { name: "Enable Sam Supervisor" })).toHaveFocus();
    expect(fakeAdmin.sessionsEnded).toEqual(["stf_sam"]);
    expect(fakeAdmin.idempotencyKeys).toHaveLength(1);
    expect(fakeAdmin.idempotencyKeys[0]).toMatch(UUID);

    // Enabling again is its own action, with its own key.
    await user.keyboard("{Enter}");
    const enable = await screen.findByRole("alertdialog", { name: "Enable Sam Supervisor?" });
    await tabTo(user, within(enable).getByRole("button", { name: "Enable" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(cells(row("sam.supervisor"))[2]).toHaveTextContent("Active"));
    expect(fakeAdmin.idempotencyKeys).toHaveLength(2);
    expect(fakeAdmin.idempotencyKeys[1]).not.toBe(fakeAdmin.idempotencyKeys[0]);
  });

  it("shows who cannot sign in after too many failed attempts, and lets them sign in again after a confirm", async () => {
    const { user } = await openStaff();

    const status = cells(row("ava.agent"))[2] as HTMLElement;
    expect(status).toHaveTextContent("Active");
    expect(status).toHaveTextContent("Sign-in blocked until 9:15 AM");
    expect(cells(row("sam.supervisor"))[2]).not.toHaveTextContent("Sign-in blocked");
    expect(within(row("sam.supervisor")).queryByRole("button", { name: /sign-in/i })).not.toBeInTheDocument();

    const clear = within(row("ava.agent")).getByRole("button", { name: "Unblock sign-in for Ava Agent" });
    await tabTo(user, clear);
    await user.keyboard("{Enter}");
    const confirm = await screen.findByRole("alertdialog", { name: "Let Ava Agent sign in again?" });
    expect(confirm).toHaveAccessibleDescription(/failed attempts for ava\.agent are cleared/);
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(confirm).getByRole("button", { name: "Clear failed attempts" })).toHaveFocus();
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(screen.getByText("Ava Agent can sign in again.")).toHaveAttribute("role", "status");
    expect(cells(row("ava.agent"))[2]).not.toHaveTextContent("Sign-in blocked");
    expect(within(row("ava.agent")).queryByRole("button", { name: /Unblock/ })).not.toBeInTheDocument();
    // The button is gone: the keyboard waits on the row it was in.
    expect(screen.getByRole("rowheader", { name: "ava.agent" })).toHaveFocus();
    expect(fakeAdmin.signInLimitsCleared).toEqual(["stf_ava"]);
    expect(fakeAdmin.idempotencyKeys).toHaveLength(1);
    expect(fakeAdmin.idempotencyKeys[0]).toMatch(UUID);
  });

  it("changes a role in a small dialog", async () => {
    const { user } = await openStaff();

    const change = within(row("ava.agent")).getByRole("button", { name: "Change role of Ava Agent" });
    await tabTo(user, change);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Change the role of Ava Agent" });
    const role = within(dialog).getByLabelText("Role");
    expect(role).toHaveFocus();
    expect(within(dialog).getByRole("button", { name: "Save role" })).toBeDisabled();
    await user.selectOptions(role, "Supervisor");
    await tabTo(user, within(dialog).getByRole("button", { name: "Save role" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(screen.getByText("Ava Agent is now Supervisor (was Agent).")).toHaveAttribute("role", "status");
    expect(cells(row("ava.agent"))[1]).toHaveTextContent("Supervisor");
    expect(change).toHaveFocus();
  });

  it("runs the inactivity sweep after a confirm and says how many accounts it deactivated", async () => {
    const { user } = await openStaff();

    const { button: run, dialog: confirm } = await openDialog(user, "Run inactivity sweep now", {
      role: "alertdialog",
      name: "Run the inactivity sweep now?",
    });
    await tabTo(user, within(confirm).getByRole("button", { name: "Run sweep" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    const sweep = screen.getByRole("region", { name: "Inactivity sweep" });
    expect(within(sweep).getByRole("status")).toHaveTextContent("Deactivated 12 accounts.");
    expect(run).toHaveFocus();

    await user.keyboard("{Enter}");
    await tabTo(user, within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Run sweep" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(within(sweep).getByRole("status")).toHaveTextContent("Deactivated 0 accounts."));
  });
});
