import type { Page } from "playwright-core";

/** Signs in through the sign-in page as a demo staff member. */
export async function signIn(page: Page, baseUrl: string, username: string, password = "helpdesk-demo"): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts/);
}

/** Opens an account from the search page by its username, with the keyboard. */
export async function openAccount(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/accounts?q=${encodeURIComponent(username)}`);
  await page
    .getByRole("link", { name: new RegExp(username.replace(".", " "), "i") })
    .first()
    .waitFor()
    .catch(() => {});
  await page.getByRole("searchbox").or(page.getByLabel("Search accounts")).first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts\/acc_/);
  await page.getByRole("region", { name: "Verify the caller" }).waitFor();
}

/** The newest demo-outbox message to `recipient`, read through the API with the page's session. */
export async function newestMessage(page: Page, baseUrl: string, recipient: string): Promise<string> {
  const res = await page.request.get(`${baseUrl}/api/v1/dev/outbox?limit=20`);
  const body = (await res.json()) as { items: { recipient: string; body: string }[] };
  const message = body.items.find((m) => m.recipient === recipient);
  if (!message) throw new Error(`No outbox message to ${recipient}`);
  return message.body;
}
