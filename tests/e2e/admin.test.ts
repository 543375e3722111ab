import { useJourney } from "@recovery-desk/test-support/journey";
import { signIn } from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

/**
 * An admin gives a service an API key and a new colleague a sign-in, and takes the sign-in away again.
 * Each test adds the colleague it needs under a name of its own.
 */
const journey = useJourney();
let admin: Page;

beforeEach(async () => {
  admin = await journey.signedIn("ada.admin");
});

const dialog = () => admin.getByRole("dialog");
const adminStatus = () => admin.getByRole("main").getByRole("status").first();

/** Adds an agent from the staff page; returns the initial password the dialog showed once (never printed). */
async function addAgent(username: string, displayName: string): Promise<string> {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
  await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Staff" }).click();
  await admin.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
  await admin.getByRole("button", { name: "Add staff member" }).click();
  await dialog().getByLabel("Username").fill(username);
  await dialog().getByLabel("Display name").fill(displayName);
  await dialog().getByLabel("Role").selectOption("agent");
  await dialog().getByRole("button", { name: "Add staff member" }).click();

  await dialog()
    .getByRole("heading", { name: `Give ${displayName} their initial password` })
    .waitFor();
  const initialPassword = await dialog().getByLabel("Initial password").inputValue();
  await dialog().getByRole("checkbox", { name: "I have passed on the password" }).check();
  await dialog().getByRole("button", { name: "Done" }).click();
  await dialog().waitFor({ state: "detached" });
  return initialPassword;
}

describe("administration", () => {
  it("creates an API key that is shown once and works for the login service", async () => {
    await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Administration" }).click();
    await admin.waitForURL(/\/admin\/api-keys/);
    await admin.getByRole("heading", { level: 1, name: "API keys" }).waitFor();

    await admin.getByRole("button", { name: "Create API key" }).click();
    await dialog().getByRole("heading", { name: "Create API key" }).waitFor();
    await dialog().getByLabel("Name").fill("Login service (journey)");
    await dialog().getByRole("checkbox", { name: "login-events:write" }).check();
    await dialog().getByRole("button", { name: "Create key" }).click();

    await dialog().getByRole("heading", { name: "Copy the new API key" }).waitFor();
    const field = dialog().getByLabel("API key");
    const key = await field.inputValue();
    expect(key).toMatch(/^rdk_/);
    const done = dialog().getByRole("button", { name: "Done" });
    expect(await done.isDisabled()).toBe(true);
    // The key cannot be lost by accident: Escape does not close the dialog before the box is ticked.
    await admin.keyboard.press("Escape");
    expect(await dialog().isVisible()).toBe(true);
    await dialog().getByRole("checkbox", { name: "I have stored the key" }).check();
    await done.click();
    await dialog().waitFor({ state: "detached" });

    await expect.poll(() => adminStatus().textContent()).toContain("API key “Login service (journey)” created.");
    const row = admin.getByRole("row").filter({ hasText: "Login service (journey)" });
    expect(await row.textContent()).toContain("login-events:write");
    expect(await row.textContent()).toContain("Never");
    expect(await admin.content()).not.toContain(key);

    const report = await fetch(`${journey.baseUrl}/api/v1/login-events`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ username: "kim.nguyen", outcome: "success" }),
    });
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({ status: "active", locked: false });

    // The list names the key by its prefix only, and records that it was used.
    await admin.reload();
    const used = admin.getByRole("row").filter({ hasText: "Login service (journey)" });
    await expect.poll(async () => (await used.textContent()) ?? "").not.toContain("Never");
    expect(await used.textContent()).toContain(key.slice(0, 12));
    expect(await admin.content()).not.toContain(key);
  });

  it("adds a staff member, whose initial password is shown once and lets them sign in", async () => {
    const initialPassword = await addAgent("lee.agent", "Lee Agent");
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    await expect.poll(() => adminStatus().textContent()).toContain("Lee Agent was added as Agent.");
    await admin.getByRole("rowheader", { name: "lee.agent" }).waitFor();
    expect(await admin.content()).not.toContain(initialPassword);

    const newcomer = await journey.page("new staff member");
    await signIn(newcomer, journey.baseUrl, "lee.agent", initialPassword);
    expect(await newcomer.getByRole("banner").textContent()).toMatch(/Lee Agent.*Agent/);
  });

  it("an agent at an admin address is told the admin role is needed", async () => {
    const newcomer = await journey.signedIn("ava.agent");
    expect(await newcomer.getByRole("link", { name: "Administration" }).count()).toBe(0);
    await newcomer.goto(`${journey.baseUrl}/admin/staff`);
    await newcomer.getByRole("heading", { level: 1, name: "You need the admin role" }).waitFor();
    expect(await newcomer.getByRole("main").textContent()).toContain("You are signed in as Ava Agent");
    expect(await newcomer.getByRole("table").count()).toBe(0);
  });

  it("disabling a staff member ends their session at once and they cannot sign in again", async () => {
    const initialPassword = await addAgent("rio.agent", "Rio Agent");
    const newcomer = await journey.page("staff member");
    await signIn(newcomer, journey.baseUrl, "rio.agent", initialPassword);
    await admin.getByRole("rowheader", { name: "rio.agent" }).waitFor();

    await admin.getByRole("button", { name: "Disable Rio Agent" }).click();
    const confirm = admin.getByRole("alertdialog");
    await confirm.getByRole("heading", { name: "Disable Rio Agent?" }).waitFor();
    await confirm.getByRole("button", { name: "Disable" }).click();
    await confirm.waitFor({ state: "detached" });
    await expect.poll(() => adminStatus().textContent()).toContain("Rio Agent is disabled. Their sessions have ended.");

    // Their next action finds the session gone and asks them to sign in, saying why.
    await newcomer.getByRole("searchbox", { name: "Search accounts" }).fill("maria");
    await newcomer.waitForURL(/\/login\?/);
    await expect.poll(() => newcomer.getByRole("alert").textContent()).toContain("Your session has ended");

    await newcomer.getByLabel("Username").fill("rio.agent");
    await newcomer.getByLabel("Password").fill(initialPassword);
    await newcomer.keyboard.press("Enter");
    await expect.poll(() => newcomer.getByRole("alert").textContent()).toContain("Username or password is not right.");
  });
});
