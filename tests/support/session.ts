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
  const results = page.getByRole("list", { name: "Matching accounts" });
  await results.getByText(username, { exact: true }).first().waitFor();
  await page.getByRole("searchbox").or(page.getByLabel("Search accounts")).first().focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/accounts\/acc_/);
  await page.getByRole("region", { name: "Verify the caller" }).waitFor();
  const heading = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  if (!heading.includes(username)) throw new Error(`The first result for ${username} opened “${heading}”`);
}

/** The messages that carry something the caller reads out; notices to the owner are not among them. */
const SECRET_KINDS = ["code", "temporary_password", "username_reminder"];

/**
 * The newest demo-outbox message to `recipient` of one of `kinds` (by default a code, temporary
 * password or username reminder: not a notice), read through the API with the page's session.
 */
export async function newestMessage(
  page: Page,
  baseUrl: string,
  recipient: string,
  kinds: readonly string[] = SECRET_KINDS,
): Promise<string> {
  const res = await page.request.get(`${baseUrl}/api/v1/dev/outbox?limit=50`);
  const body = (await res.json()) as { items: { recipient: string; kind: string; body: string }[] };
  const message = body.items.find((m) => m.recipient === recipient && kinds.includes(m.kind));
  if (!message) throw new Error(`No ${kinds.join(" or ")} message to ${recipient} in the outbox`);
  return message.body;
}

/** The call script's panel on an account page. */
export const verifyPanel = (page: Page) => page.getByRole("region", { name: "Verify the caller" });

/**
 * Verifies the caller of the open account by their security questions, as an agent would: choose
 * the method, type what the caller says to each prompt, press Enter, and wait for the verified banner.
 */
export async function verifyByQuestions(page: Page, answers: Record<string, string>): Promise<void> {
  const panel = verifyPanel(page);
  await panel.getByRole("button", { name: "Security questions" }).click();
  for (const [prompt, answer] of Object.entries(answers)) {
    await panel.getByLabel(`Ask: ${prompt}`).fill(answer);
  }
  await page.keyboard.press("Enter");
  await waitUntilVerified(page, "by security questions");
}

/**
 * While a window is open and an action needs more evidence: adds a code from the call script's
 * "Verify the caller also by" step, typing the newest code sent to `recipient`, and waits until the
 * panel says the caller is verified `how`.
 */
export async function alsoVerifyByCode(
  page: Page,
  baseUrl: string,
  method: "Code by text message" | "Code by email",
  recipient: string,
  how: string,
): Promise<void> {
  const panel = verifyPanel(page);
  await page.getByRole("group", { name: "Verify the caller also by" }).getByRole("button", { name: method }).click();
  const box = panel.getByLabel("Code the caller reads out");
  await box.waitFor();
  await box.fill(await newestCode(page, baseUrl, recipient));
  await page.keyboard.press("Enter");
  await waitUntilVerified(page, how);
}

/** Waits for the verified banner's countdown, and checks what the panel told screen readers. */
export async function waitUntilVerified(page: Page, how: string): Promise<void> {
  const panel = verifyPanel(page);
  await panel.getByRole("timer", { name: "Time left in the verified window" }).waitFor();
  const said = (await panel.getByRole("status").textContent()) ?? "";
  if (!said.startsWith(`Caller verified ${how}.`)) throw new Error(`The panel announced “${said}”`);
}

/** The 6-digit code in the newest demo-outbox message to `recipient`. */
export async function newestCode(page: Page, baseUrl: string, recipient: string): Promise<string> {
  const code = /\b(\d{6})\b/.exec(await newestMessage(page, baseUrl, recipient, ["code"]))?.[1];
  if (!code) throw new Error(`The newest message to ${recipient} holds no 6-digit code`);
  return code;
}

/**
 * Ends the page's staff session on the server, from outside the browser, the way an idle timeout
 * or an admin would: the browser keeps its cookie, but the server no longer knows it.
 */
export async function endSessionOnServer(page: Page, baseUrl: string): Promise<void> {
  const cookies = await page.context().cookies(baseUrl);
  const response = await fetch(`${baseUrl}/api/v1/auth/logout`, {
    method: "POST",
    headers: { cookie: cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ") },
  });
  if (response.status !== 204) throw new Error(`Ending the session answered ${response.status}`);
}

/** The toast (an item of the notifications list in the corner) that says `text`. */
export const toast = (page: Page, text: string) =>
  page
    .getByRole("region", { name: /^Notifications/ })
    .getByRole("listitem")
    .filter({ hasText: text });

/** On a verified caller's account: proposes merging the possible duplicate `duplicate` into it. */
export async function proposeMerge(page: Page, duplicate: string | RegExp, reason: string): Promise<void> {
  await page.getByRole("button", { name: "Propose a merge" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: duplicate }).check();
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Propose merge" }).click();
  await dialog.waitFor({ state: "detached" });
  await toast(page, "Merge proposed").waitFor();
}

/**
 * Opens Ana Silva's account, verifies her by her questions and a code to her email (a merge needs a
 * code) and proposes merging anasilva1984 into it.
 */
export async function proposeAnaSilvasMerge(page: Page, baseUrl: string): Promise<void> {
  await openAccount(page, baseUrl, "ana.silva");
  await verifyByQuestions(page, {
    "What was the name of your first pet?": "Luna",
    "What high school did you attend?": "Lincoln High",
  });
  await alsoVerifyByCode(
    page,
    baseUrl,
    "Code by email",
    "ana.silva@example.com",
    "by security questions and a code sent by email",
  );
  await proposeMerge(page, /anasilva1984/, "Same person at the same address.");
}

/**
 * A supervisor's (or admin's) walk through the merges screens with a merge waiting: the queue, its
 * approve dialog (closed with Escape) and the duplicate clusters; `at` runs on each, given its name.
 */
export async function walkMergesScreens(
  page: Page,
  baseUrl: string,
  at: (screen: string) => Promise<void> = async () => {},
): Promise<void> {
  await page.goto(`${baseUrl}/merges`);
  const waiting = page.getByRole("list", { name: "Merges: Waiting for approval" });
  await waiting.getByRole("link", { name: "Ana Silva (anasilva1984)" }).waitFor();
  await at("merges, waiting for approval");
  await waiting.getByRole("button", { name: "Approve" }).first().click();
  await page.getByRole("dialog").getByRole("heading", { name: "Approve this merge?" }).waitFor();
  await at("dialog: approve a merge");
  await page.keyboard.press("Escape");
  await page.getByRole("dialog").waitFor({ state: "detached" });
  await page
    .getByRole("navigation", { name: "Merge views" })
    .getByRole("link", { name: /clusters/i })
    .click();
  await page.waitForURL(/view=clusters/);
  await page
    .getByRole("main")
    .getByText(/anasilva1984/)
    .first()
    .waitFor();
  await at("merges, duplicate clusters");
}

/**
 * An admin's walk through Administration → Webhooks: none yet, the add dialog, the signing secret
 * shown once, the table with the new webhook, its deliveries, and the delete dialog, confirmed, so
 * the world is left without the webhook; `at` runs on each screen, given its name.
 */
export async function walkWebhooksScreens(
  page: Page,
  baseUrl: string,
  at: (screen: string) => Promise<void> = async () => {},
): Promise<void> {
  const url = "https://siem.example.com/recovery-desk";
  await page.goto(`${baseUrl}/admin/webhooks`);
  await page.getByRole("heading", { level: 1, name: "Webhooks" }).waitFor();
  await page.getByText(/No webhooks yet\./).waitFor();
  await at("administration, webhooks, none yet");
  await page.getByRole("button", { name: "Add webhook" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Address").fill(url);
  await dialog.getByRole("checkbox", { name: "account.unlocked" }).check();
  await at("dialog: add a webhook");
  await dialog.getByRole("button", { name: "Add webhook" }).click();
  const secret = page.getByRole("dialog", { name: "Copy the signing secret" });
  await secret.getByLabel("Signing secret").waitFor();
  await at("dialog: a webhook's signing secret, shown once");
  await secret.getByRole("checkbox", { name: "I have stored the secret" }).check();
  await secret.getByRole("button", { name: "Done" }).click();
  await secret.waitFor({ state: "detached" });
  await page.getByRole("table", { name: "Webhooks, newest first" }).getByText(url, { exact: true }).waitFor();
  await at("administration, webhooks");
  await page.getByRole("button", { name: `Deliveries to ${url}` }).click();
  await page.getByText("Nothing sent yet. Deliveries appear here when a chosen event happens.").waitFor();
  await at("administration, a webhook's deliveries");
  await page.getByRole("button", { name: `Delete webhook ${url}` }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this webhook?" });
  await confirm.waitFor();
  await at("dialog: delete a webhook");
  await confirm.getByRole("button", { name: "Delete webhook" }).click();
  await confirm.waitFor({ state: "detached" });
  await page.getByText(/No webhooks yet\./).waitFor();
}
