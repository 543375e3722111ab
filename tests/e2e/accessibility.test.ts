import { type AxeViolation, contrastViolations, describeViolations, runAxe } from "@recovery-desk/test-support/axe";
import { type FocusIndicator, focusIndicator, tabStops } from "@recovery-desk/test-support/focus";
import { useJourney } from "@recovery-desk/test-support/journey";
import { walkOwnerReportScreens } from "@recovery-desk/test-support/owner-report";
import {
  alsoVerifyByCode,
  newestCode,
  openAccount,
  proposeAnaSilvasMerge,
  toast,
  verifyByQuestions,
  verifyPanel,
  waitUntilVerified,
  walkMergesScreens,
  walkWebhooksScreens,
} from "@recovery-desk/test-support/session";
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";

/**
 * Keyboard and accessibility: the unlock journey with the keyboard alone (counting the key presses),
 * axe-core on every screen with no serious or critical violations, a visible focus ring wherever the
 * keyboard stops, and WCAG 2.2 AA colour contrast in the light and the dark theme — both as the
 * system setting (prefers-color-scheme) and as chosen with the console's own colour switch.
 */
const journey = useJourney();
const lightPage = { colorScheme: "light", reducedMotion: "reduce" } as const;
let agent: Page;
let admin: Page;

/** The agent's page, signed in. */
async function agentPage(): Promise<Page> {
  agent = await journey.signedIn("ava.agent", lightPage);
  return agent;
}
/** The admin's page, signed in. */
async function adminPage(): Promise<Page> {
  admin = await journey.signedIn("ada.admin", lightPage);
  return admin;
}

/** Every screen checked, for the summary at the end. */
const checked: string[] = [];
afterAll(() => {
  // biome-ignore lint/suspicious/noConsole: the summary of what axe-core checked is this file's report
  console.info(`axe-core: ${checked.length} screens checked: ${checked.join("; ")}`);
});

type Annotate = (message: string, type?: string) => Promise<unknown>;

/** Puts a number the journey measured into the test report (JSON, verbose) and prints it in any run. */
async function report(annotate: Annotate, type: string, message: string): Promise<void> {
  await annotate(message, type);
  // biome-ignore lint/suspicious/noConsole: printing the measured number is this test's report
  console.info(`${type}: ${message}`);
}

const isSerious = (violation: AxeViolation) =>
  violation.impact === "serious" || violation.impact === "critical" || violation.rule === "color-contrast";

/**
 * axe-core on the page as it is: every rule in the light colours (no serious or critical violation,
 * no contrast failure at all), then the contrast rule again with the system set to dark.
 */
async function checkScreen(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ colorScheme: "light" });
  const light = (await runAxe(page)).filter(isSerious);
  await page.emulateMedia({ colorScheme: "dark" });
  const dark = await contrastViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
  expect.soft(describeViolations(light), `${name}, light`).toBe("");
  expect.soft(describeViolations(dark), `${name}, dark: colour contrast`).toBe("");
  checked.push(name);
}

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide (a phone, or 400 % zoom on a desk), nothing makes the
 * page scroll sideways. The page is narrowed for the check and given its size back.
 */
async function checkReflow(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  const [scrollWidth, clientWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    document.documentElement.clientWidth,
  ]);
  if (size) await page.setViewportSize(size);
  expect.soft(scrollWidth, `${name}: at 320 px wide, the page scrolls sideways`).toBeLessThanOrEqual(clientWidth ?? 0);
}

/** Focus stops that are controls but show no ring. */
const unringed = (stops: FocusIndicator[]) => stops.filter((stop) => stop.control && !stop.visible);

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/**
 * The agent's keyboard, counting what the agent does: each key press is one interaction, and typing
 * a word (a username, an answer) is one interaction too, however many letters it has.
 */
class CountingKeyboard {
  interactions = 0;
  keyPresses = 0;
  readonly steps: string[] = [];
  readonly rings: FocusIndicator[] = [];

  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
    this.interactions += 1;
    this.keyPresses += 1;
    this.steps.push(key);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
    this.interactions += 1;
    this.keyPresses += text.length;
    this.steps.push(`“${text}”`);
  }

  /** Waits until the keyboard is on `locator`, and notes whether its focus ring shows. */
  async expectFocusOn(locator: Locator): Promise<void> {
    await expect.poll(() => isFocused(locator), { timeout: 15_000 }).toBe(true);
    const ring = await focusIndicator(this.page);
    if (ring) this.rings.push(ring);
  }

  get summary(): string {
    return `${this.interactions} interactions (${this.keyPresses} key presses): ${this.steps.join(", ")}`;
  }
}

/**
 * A locked account other than Maria's, hard-locked (so it stays locked) and with a verified email,
 * whose caller the agent verifies through the API with a code from the demo outbox, as if earlier in
 * the call. Returns its username and display name.
 */
async function verifiedLockedCaller(page: Page): Promise<{ username: string; displayName: string }> {
  type Summary = { id: string; username: string; displayName: string };
  type Detail = Summary & { lock: { kind: string } | null; channels: { email: { verified: boolean } } };
  const search = await page.request.get(`${journey.baseUrl}/api/v1/accounts?status=locked&limit=50`);
  const { items } = (await search.json()) as { items: Summary[] };
  for (const summary of items) {
    if (summary.username === "maria.lopez") continue;
    const detail = (await (
      await page.request.get(`${journey.baseUrl}/api/v1/accounts/${summary.id}`)
    ).json()) as Detail;
    if (detail.lock?.kind !== "hard" || !detail.channels.email.verified) continue;
    const started = await page.request.post(`${journey.baseUrl}/api/v1/accounts/${summary.id}/verifications`, {
      data: { method: "otp_email" },
    });
    expect(started.status()).toBe(201);
    const { id } = (await started.json()) as { id: string };
    // The newest code to this account: a notice to the owner of an earlier action may be newer.
    const outbox = (await (await page.request.get(`${journey.baseUrl}/api/v1/dev/outbox?limit=50`)).json()) as {
      items: { accountId: string | null; kind: string; body: string }[];
    };
    const message = outbox.items.find((m) => m.accountId === summary.id && m.kind === "code");
    const code = /\b(\d{6})\b/.exec(message?.body ?? "")?.[1] ?? "";
    const answered = await page.request.post(`${journey.baseUrl}/api/v1/verifications/${id}/code`, { data: { code } });
    expect(answered.status()).toBe(200);
    return { username: summary.username, displayName: summary.displayName };
  }
  throw new Error("The demo world has no other hard-locked account with a verified email");
}

/** Starts a code by email to an account none of these journeys opens, so the demo outbox has a message. */
async function sendACodeToSomeoneElse(page: Page): Promise<void> {
  const personas = new Set(["maria.lopez", "tom.becker", "ana.silva", "anasilva1984", "kim.nguyen"]);
  const search = await page.request.get(`${journey.baseUrl}/api/v1/accounts?status=active&limit=50`);
  const { items } = (await search.json()) as { items: { id: string; username: string }[] };
  for (const account of items) {
    if (personas.has(account.username)) continue;
    const started = await page.request.post(`${journey.baseUrl}/api/v1/accounts/${account.id}/verifications`, {
      data: { method: "otp_email" },
    });
    if (started.status() === 201) return;
  }
  throw new Error("No other active account could be sent a code");
}

describe("the unlock journey with the keyboard alone", () => {
  it("a verified caller: from the search box to “unlocked” in at most 6 interactions", async ({ annotate }) => {
    await agentPage();
    const caller = await verifiedLockedCaller(agent);
    await agent.goto(`${journey.baseUrl}/accounts`);
    const keyboard = new CountingKeyboard(agent);
    await keyboard.expectFocusOn(agent.getByRole("searchbox", { name: "Search accounts" }));

    await keyboard.type(caller.username);
    const results = agent.getByRole("list", { name: "Matching accounts" });
    // The agent waits for the results of the whole name before moving into them.
    await agent.waitForURL(new RegExp(`q=${caller.username.replace(".", "\\.")}$`));
    await results.getByText(caller.username, { exact: true }).waitFor();
    await keyboard.press("ArrowDown");
    await keyboard.expectFocusOn(results.getByRole("link", { name: caller.displayName }));
    await keyboard.press("Enter");
    await agent.getByRole("heading", { level: 1, name: new RegExp(caller.displayName) }).waitFor();
    await verifyPanel(agent).getByRole("timer", { name: "Time left in the verified window" }).waitFor();
    await keyboard.press("Tab");
    await keyboard.expectFocusOn(agent.getByRole("button", { name: "Lift lockout" }));
    await keyboard.press("Enter");
    await keyboard.expectFocusOn(agent.getByRole("dialog").getByLabel("Reason"));
    await keyboard.press("Control+Enter");
    await agent.getByRole("dialog").waitFor({ state: "detached" });
    await toast(agent, `Lockout lifted for ${caller.displayName}.`).waitFor();
    await expect.poll(() => agent.getByText("Active — the customer can sign in").isVisible()).toBe(true);

    await report(annotate, "keyboard", `verified caller, search box to unlocked: ${keyboard.summary}`);
    expect(keyboard.interactions).toBeLessThanOrEqual(6);
    expect(unringed(keyboard.rings)).toEqual([]);
  });

  it("a whole call: find Maria Lopez, verify her by questions and lift her lockout, keyboard only", async ({
    annotate,
  }) => {
    await agentPage();
    await agent.goto(`${journey.baseUrl}/accounts`);
    const keyboard = new CountingKeyboard(agent);
    const search = agent.getByRole("searchbox", { name: "Search accounts" });
    await keyboard.expectFocusOn(search);

    await keyboard.type("maria.lopez");
    const results = agent.getByRole("list", { name: "Matching accounts" });
    await agent.waitForURL(/q=maria\.lopez$/);
    await results.getByText("maria.lopez", { exact: true }).waitFor();
    await keyboard.press("ArrowDown");
    await keyboard.expectFocusOn(results.getByRole("link", { name: "Maria Lopez" }));
    await keyboard.press("Enter");
    await agent.getByRole("heading", { level: 1, name: /Maria Lopez/ }).waitFor();
    await keyboard.press("Tab");
    await keyboard.expectFocusOn(verifyPanel(agent).getByLabel(/Case reference/));
    await keyboard.press("Tab");
    await keyboard.expectFocusOn(verifyPanel(agent).getByRole("button", { name: "Security questions" }));
    await keyboard.press("Enter");
    await keyboard.expectFocusOn(verifyPanel(agent).getByLabel("Ask: What was the name of your first pet?"));
    await keyboard.type("Biscuit");
    await keyboard.press("Tab");
    await keyboard.expectFocusOn(verifyPanel(agent).getByLabel("Ask: In what city were you born?"));
    await keyboard.type("San Antonio");
    await keyboard.press("Enter");
    await keyboard.expectFocusOn(agent.getByRole("button", { name: "Lift lockout" }));
    await keyboard.press("Enter");
    await keyboard.expectFocusOn(agent.getByRole("dialog").getByLabel("Reason"));
    await keyboard.press("Control+Enter");
    await agent.getByRole("dialog").waitFor({ state: "detached" });
    await toast(agent, "Lockout lifted for Maria Lopez.").waitFor();

    await report(annotate, "keyboard", `whole call with verification by questions: ${keyboard.summary}`);
    // Today 12: 9 key presses and 3 typed words (username, two answers). Keep it from growing.
    expect(keyboard.interactions).toBeLessThanOrEqual(12);
    expect(unringed(keyboard.rings)).toEqual([]);
  });
});

describe("axe-core on every screen, in the light and the dark colours", () => {
  it("sign-in, also after a session ended", async () => {
    const page = await journey.page("visitor", lightPage);
    await page.goto(`${journey.baseUrl}/login`);
    await page.getByLabel("Username").waitFor();
    await checkScreen(page, "sign-in");
    await page.goto(`${journey.baseUrl}/login?redirect=%2Faccounts&session=ended`);
    await page.getByRole("alert").getByText("Your session has ended").waitFor();
    await checkScreen(page, "sign-in after the session ended");
  });

  it("the owner's report page: what confirming does, and a link that no longer works", async () => {
    // Outside sign-in: a visitor with a well-formed link the server never sent.
    const page = await journey.page("owner", lightPage);
    await page.goto(`${journey.baseUrl}/report/${"q".repeat(43)}`);
    await page.getByRole("heading", { level: 1, name: "Did someone else change your account?" }).waitFor();
    await checkScreen(page, "owner's report page");
    await page.getByLabel("Anything you want to tell us (optional)").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "This link has already been used or has expired" }).waitFor();
    await checkScreen(page, "owner's report page, a link used or expired");
  });

  it("account search: hints, results and nothing found", async () => {
    await agentPage();
    await agent.goto(`${journey.baseUrl}/accounts`);
    await agent.getByRole("heading", { name: "What you can search for" }).waitFor();
    await checkScreen(agent, "account search, before searching");
    await agent.goto(`${journey.baseUrl}/accounts?q=Main%20Street`);
    await agent.getByRole("list", { name: "Matching accounts" }).waitFor();
    await checkScreen(agent, "account search, results");
    await agent.goto(`${journey.baseUrl}/accounts?q=zzqxv`);
    await agent
      .getByText(/No accounts match/)
      .first()
      .waitFor();
    await checkScreen(agent, "account search, nothing found");
  });

  it("an account: the verify panel at each step, the recovery actions and their dialog", async () => {
    await agentPage();
    await openAccount(agent, journey.baseUrl, "kim.nguyen");
    await checkScreen(agent, "account, verify panel: choose a way");
    await verifyPanel(agent).getByRole("button", { name: "Security questions" }).click();
    await verifyPanel(agent).getByLabel("Ask: Who was your favourite teacher?").waitFor();
    await checkScreen(agent, "account, verify panel: security questions");
    await verifyPanel(agent).getByRole("button", { name: "Choose another way" }).click();
    await verifyPanel(agent).getByRole("button", { name: "Code by text message" }).click();
    const box = verifyPanel(agent).getByLabel("Code the caller reads out");
    await box.waitFor();
    await checkScreen(agent, "account, verify panel: code by text message");
    await box.fill(await newestCode(agent, journey.baseUrl, "+15035550178"));
    await agent.keyboard.press("Enter");
    await verifyPanel(agent).getByRole("timer", { name: "Time left in the verified window" }).waitFor();
    await agent.getByText("kim.nguyen@example.com").first().waitFor();
    await checkScreen(agent, "account, caller verified: recovery actions and history");

    // A temporary password needs a second piece of evidence: the script offers it.
    await agent
      .getByRole("group", { name: "Verify the caller also by" })
      .getByRole("button", { name: "Security questions" })
      .click();
    await verifyPanel(agent).getByLabel("Ask: Who was your favourite teacher?").waitFor();
    await checkScreen(agent, "account, verify the caller also by: security questions");
    await verifyPanel(agent).getByLabel("Ask: Who was your favourite teacher?").fill("Mrs. Park");
    await verifyPanel(agent).getByLabel("Ask: What was the name of the first street you lived on?").fill("Oak Avenue");
    await agent.keyboard.press("Enter");
    await waitUntilVerified(agent, "by security questions and a code sent by text message");

    await agent.getByRole("button", { name: "Send temporary password" }).click();
    await agent.getByRole("dialog").getByLabel("Reason").waitFor();
    await checkScreen(agent, "dialog: send a temporary password");
    await agent.keyboard.press("Escape");
    await agent.getByRole("dialog").waitFor({ state: "detached" });
  });

  it("possible duplicates and the merge proposal dialog", async () => {
    await agentPage();
    await openAccount(agent, journey.baseUrl, "ana.silva");
    await agent.getByRole("region", { name: "Possible duplicates" }).getByRole("table").waitFor();
    await checkScreen(agent, "account, possible duplicates");
    await verifyByQuestions(agent, {
      "What was the name of your first pet?": "Luna",
      "What high school did you attend?": "Lincoln High",
    });
    await alsoVerifyByCode(
      agent,
      journey.baseUrl,
      "Code by email",
      "ana.silva@example.com",
      "by security questions and a code sent by email",
    );
    await agent.getByRole("button", { name: "Propose a merge" }).click();
    const dialog = agent.getByRole("dialog");
    await dialog.getByRole("heading", { name: "Merge accounts into ana.silva?" }).waitFor();
    await checkScreen(agent, "dialog: propose a merge");
    await dialog.getByRole("checkbox", { name: /anasilva1984/ }).check();
    await dialog.getByLabel("Reason").fill("Same person at the same address.");
    await dialog.getByRole("button", { name: "Propose merge" }).click();
    await dialog.waitFor({ state: "detached" });
    await toast(agent, "Merge proposed — waiting for a supervisor").waitFor();
    await checkScreen(agent, "account, with a toast");
  });

  it("the demo outbox, a page that does not exist, and the role-required pages for an agent", async () => {
    await agentPage();
    await sendACodeToSomeoneElse(agent);
    await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Outbox" }).click();
    await agent.getByRole("list", { name: "Messages, newest first" }).waitFor();
    await checkScreen(agent, "outbox");
    await agent.goto(`${journey.baseUrl}/no-such-page`);
    await agent.getByRole("heading", { level: 1 }).waitFor();
    await checkScreen(agent, "page not found");
    await agent.goto(`${journey.baseUrl}/audit`);
    await agent.getByRole("heading", { level: 1, name: "You need the supervisor role" }).waitFor();
    await checkScreen(agent, "role required: audit");
    await agent.goto(`${journey.baseUrl}/admin/api-keys`);
    await agent.getByRole("heading", { level: 1, name: "You need the admin role" }).waitFor();
    await checkScreen(agent, "role required: administration");
  });

  it("the audit trail and one event in full", async () => {
    await adminPage();
    await admin.goto(`${journey.baseUrl}/audit`);
    const grid = admin.getByRole("grid", { name: "Audit events, newest first" });
    await grid.getByRole("gridcell").first().waitFor();
    await checkScreen(admin, "audit trail");
    await grid.getByRole("row").nth(1).focus();
    await admin.keyboard.press("Enter");
    await admin
      .getByRole("dialog")
      .getByRole("heading", { name: /^Event / })
      .waitFor();
    await checkScreen(admin, "audit trail, one event");
    await admin.keyboard.press("Escape");
    await admin.getByRole("dialog").waitFor({ state: "detached" });
  });

  it("administration: API keys, staff and their dialogs", async () => {
    await adminPage();
    await admin.goto(`${journey.baseUrl}/admin/api-keys`);
    await admin.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    await checkScreen(admin, "administration, API keys");
    await admin.getByRole("button", { name: "Create API key" }).click();
    await admin.getByRole("dialog").getByLabel("Name").waitFor();
    await checkScreen(admin, "dialog: create an API key");
    await admin.keyboard.press("Escape");
    await admin.getByRole("dialog").waitFor({ state: "detached" });

    await admin.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Staff" }).click();
    await admin.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await checkScreen(admin, "administration, staff");
    await admin.getByRole("button", { name: "Add staff member" }).click();
    await admin.getByRole("dialog").getByLabel("Username").waitFor();
    await checkScreen(admin, "dialog: add a staff member");
    await admin.keyboard.press("Escape");
    await admin.getByRole("dialog").waitFor({ state: "detached" });
    await admin.getByRole("button", { name: "Change role of Ava Agent" }).click();
    await admin.getByRole("dialog").getByRole("heading").first().waitFor();
    await checkScreen(admin, "dialog: change a role");
    await admin.keyboard.press("Escape");
    await admin.getByRole("dialog").waitFor({ state: "detached" });
    await admin.getByRole("button", { name: "Disable Sam Supervisor" }).click();
    await admin.getByRole("alertdialog").getByRole("heading", { name: "Disable Sam Supervisor?" }).waitFor();
    await checkScreen(admin, "dialog: disable a staff member");
    await admin.keyboard.press("Escape");
    await admin.getByRole("alertdialog").waitFor({ state: "detached" });
  });

  it("administration: webhooks, their dialogs and deliveries", async () => {
    await adminPage();
    await walkWebhooksScreens(admin, journey.baseUrl, (screen) => checkScreen(admin, screen));
  });
  describe("with a merge waiting (a server of its own: the duplicates journey proposes the same merge)", () => {
    const ownJourney = useJourney();
    const agentPage = async () => (agent = await ownJourney.signedIn("ava.agent", lightPage));
    const adminPage = async () => (admin = await ownJourney.signedIn("ada.admin", lightPage));

    it("merges: the queue, the approve dialog and the duplicate clusters", async () => {
      await proposeAnaSilvasMerge(await agentPage(), ownJourney.baseUrl);
      await adminPage();
      await walkMergesScreens(admin, ownJourney.baseUrl, (screen) => checkScreen(admin, screen));
    });
  });

  describe("with Maria's unlock reported by her owner (a server of its own: the report holds Maria)", () => {
    const ownJourney = useJourney();

    it("the outbox with notices, the owner's report page before and after confirming, and the held account, also 320 px wide", async () => {
      await walkOwnerReportScreens(
        ownJourney.baseUrl,
        {
          agent: await ownJourney.signedIn("ava.agent", lightPage),
          owner: await ownJourney.page("owner", lightPage),
          supervisor: await ownJourney.signedIn("sam.supervisor", lightPage),
        },
        async (page, screen) => {
          await checkScreen(page, screen);
          await checkReflow(page, screen);
        },
      );
    });
  });
});

describe("where the keyboard is, is always visible", () => {
  /** Where the keyboard is now and at each of the next `count` Tab stops: every control must show its ring. */
  async function expectRingsOnTab(page: Page, name: string, count: number): Promise<void> {
    const start = await focusIndicator(page);
    const stops = [...(start ? [start] : []), ...(await tabStops(page, count))];
    expect(stops.filter((stop) => stop.control).length, `${name}: controls reached`).toBeGreaterThanOrEqual(3);
    expect.soft(unringed(stops), `${name}: focus without a visible ring`).toEqual([]);
  }

  it("on sign-in, search, an account, the audit trail, administration and in a dialog", async () => {
    const page = await journey.page("visitor", lightPage);
    await page.goto(`${journey.baseUrl}/login`);
    await page.getByLabel("Username").waitFor();
    await expectRingsOnTab(page, "sign-in", 4);
    await agentPage();
    await adminPage();

    await agent.goto(`${journey.baseUrl}/accounts?q=Main%20Street`);
    await agent.getByRole("list", { name: "Matching accounts" }).waitFor();
    await expectRingsOnTab(agent, "account search", 16);

    await openAccount(agent, journey.baseUrl, "tom.becker");
    await expectRingsOnTab(agent, "account", 20);

    await admin.goto(`${journey.baseUrl}/audit`);
    await admin.getByRole("grid", { name: "Audit events, newest first" }).getByRole("gridcell").first().waitFor();
    await expectRingsOnTab(admin, "audit trail", 25);

    await admin.goto(`${journey.baseUrl}/admin/staff`);
    await admin.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await expectRingsOnTab(admin, "staff", 16);

    await admin.getByRole("button", { name: "Add staff member" }).focus();
    await admin.keyboard.press("Enter");
    await admin.getByRole("dialog").getByLabel("Username").waitFor();
    await expectRingsOnTab(admin, "add staff dialog", 6);
    await admin.keyboard.press("Escape");
  });
});

describe("colour contrast with the console's own colour switch", () => {
  // A server of its own: this journey verifies Kim Nguyen, whom the axe-core journey meets unverified.
  const ownJourney = useJourney();
  const toggle = () => agent.getByRole("button", { name: /^Colours: / });

  async function chooseTheme(label: "System" | "Light" | "Dark"): Promise<void> {
    for (let i = 0; i < 3 && (await toggle().textContent())?.trim() !== `Colours: ${label}`; i++) {
      await toggle().click();
    }
    expect((await toggle().textContent())?.trim()).toBe(`Colours: ${label}`);
  }

  it("the light theme chosen on a dark system and the dark theme chosen on a light system both pass", async () => {
    agent = await ownJourney.signedIn("ava.agent", lightPage);
    const screens: [string, () => Promise<void>][] = [
      [
        "account search, results",
        async () => {
          await agent.goto(`${ownJourney.baseUrl}/accounts?q=62701`);
          await agent.getByRole("list", { name: "Matching accounts" }).waitFor();
        },
      ],
      [
        "account, caller verified",
        async () => {
          await openAccount(agent, ownJourney.baseUrl, "kim.nguyen");
          await verifyPanel(agent).getByRole("button", { name: "Code by text message" }).click();
          await verifyPanel(agent)
            .getByLabel("Code the caller reads out")
            .fill(await newestCode(agent, ownJourney.baseUrl, "+15035550178"));
          await agent.keyboard.press("Enter");
          await verifyPanel(agent).getByRole("timer").waitFor();
        },
      ],
      [
        "outbox",
        async () => {
          await agent.goto(`${ownJourney.baseUrl}/outbox`);
          await agent.getByRole("list", { name: "Messages, newest first" }).waitFor();
        },
      ],
    ];
    const background = () => agent.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    for (const [name, open] of screens) {
      await open();
      await agent.emulateMedia({ colorScheme: "dark" });
      const systemDark = await background();
      await chooseTheme("Light");
      expect(await agent.evaluate(() => document.documentElement.dataset.theme)).toBe("light");
      expect(await background()).not.toBe(systemDark);
      expect.soft(describeViolations(await contrastViolations(agent)), `${name}: light chosen`).toBe("");

      await agent.emulateMedia({ colorScheme: "light" });
      await chooseTheme("Dark");
      expect(await agent.evaluate(() => document.documentElement.dataset.theme)).toBe("dark");
      expect(await background()).toBe(systemDark);
      expect.soft(describeViolations(await contrastViolations(agent)), `${name}: dark chosen`).toBe("");
      await chooseTheme("System");
    }
  });
});
