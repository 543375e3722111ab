import { useJourney } from "@recovery-desk/test-support/journey";
import {
  CONFIRMATION_IN_SPANISH,
  confirmReport,
  MARIA,
  mariasReportLink,
  NOTICE_IN_SPANISH,
  ONLY_SUPERVISOR_LIFTS,
  openOutbox,
  openReportLink,
  outboxMessages,
  recoveryPanel,
  unlockMaria,
  VERIFY_BY_CODE_FIRST,
  waitForMessages,
} from "@recovery-desk/test-support/owner-report";
import {
  newestCode,
  openAccount,
  toast,
  verifyByQuestions,
  verifyPanel,
  waitUntilVerified,
} from "@recovery-desk/test-support/session";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

/**
 * The owner is always told: an agent lifts Maria Lopez's lockout, her notice reaches both her
 * channels in Spanish with a report link, a person playing the owner reports it from the link without
 * signing in, and the account is held until a supervisor, who verifies the caller by a code, lifts it.
 * Each test has a demo world of its own: a report changes Maria for good.
 */
const journey = useJourney({ world: "test" });

const HELD = "Held: the owner reported a recovery they did not ask for";
const HELD_LOCK = "Held on the owner's report — only a supervisor lifts it, after verifying the caller with a code";
const REPORTED_IN_HISTORY = "Owner reported a recovery they did not ask for (lockout lifted); account held";
const history = (page: Page) => page.getByRole("region", { name: "History" });

/** A person playing the owner, in a browser of their own (never signed in), opens the link and confirms. */
async function ownerReports(link: string): Promise<Page> {
  const owner = await journey.page("owner");
  await openReportLink(owner, link);
  const whatHappens = owner.getByRole("region", { name: "What happens when you confirm" });
  expect(await whatHappens.getByRole("listitem").allTextContents()).toEqual([
    "Your account is locked at once, so nobody can sign in to it.",
    "Any temporary password we sent for it stops working.",
    "Before it is unlocked, a supervisor has to verify that you are the owner, with a code sent to your phone or email.",
    "We send you a confirmation by email or text message.",
  ]);
  await owner.getByLabel("Anything you want to tell us (optional)").fill("I did not call anyone.");
  await confirmReport(owner);
  const heading = owner.getByRole("heading", { level: 1 });
  await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
  return owner;
}

describe("the owner is told, and reports a recovery they did not ask for", () => {
  it("Maria's notice reaches both her channels in Spanish; her report from the link holds the account, and the links of that notice work once", async () => {
    const agent = await journey.signedIn("ava.agent");
    await unlockMaria(agent, journey.baseUrl);
    const link = await mariasReportLink(agent, journey.baseUrl);
    const emailNotice = outboxMessages(agent, MARIA.email, NOTICE_IN_SPANISH).first();
    expect(await emailNotice.textContent()).toContain("Un cambio en su cuenta de USPS");
    const textNotice = outboxMessages(agent, MARIA.phone, NOTICE_IN_SPANISH).first();
    expect(await textNotice.textContent()).toContain("desbloqueó su cuenta");
    const textLink = new URL((await textNotice.getByRole("link").getAttribute("href")) ?? "", journey.baseUrl).href;
    expect(textLink).toMatch(/\/report\/[A-Za-z0-9_-]{43}$/);
    expect(textLink).not.toBe(link);

    const owner = await ownerReports(link);
    expect(await owner.getByRole("main").textContent()).toContain("A confirmation is on its way to you");
    expect(await owner.context().cookies()).toEqual([]);

    // The agent's view: Maria is held, in plain words, and the window the agent had is closed.
    await openAccount(agent, journey.baseUrl, "maria.lopez");
    await agent.getByText(HELD).first().waitFor();
    expect(await agent.getByRole("region", { name: "Sign-in lock" }).textContent()).toContain(HELD_LOCK);
    expect(await verifyPanel(agent).getByRole("timer").count()).toBe(0);
    await history(agent).getByText(REPORTED_IN_HISTORY).waitFor();
    expect(await history(agent).textContent()).toContain("I did not call anyone.");

    // The owner's confirmation goes to the address the link came to.
    await openOutbox(agent);
    await waitForMessages(agent, [MARIA.email], CONFIRMATION_IN_SPANISH, 1);
    expect(await outboxMessages(agent, MARIA.email, CONFIRMATION_IN_SPANISH).textContent()).toContain(
      "Gracias por avisarnos.",
    );
    expect(await outboxMessages(agent, MARIA.phone, CONFIRMATION_IN_SPANISH).count()).toBe(0);

    // The same link again, in yet another browser: used.
    const again = await journey.page("owner, again");
    await again.goto(link);
    await again.getByRole("button", { name: "Confirm" }).click();
    await again.getByRole("heading", { level: 1, name: "This link has already been used or has expired" }).waitFor();
    // The same notice's link by text message is used up with it.
    await again.goto(textLink);
    await again.getByRole("button", { name: "Confirm" }).click();
    await again.getByRole("heading", { level: 1, name: "This link has already been used or has expired" }).waitFor();
  });

  it("a report that lands while the agent is still on the call closes the window: the next action is refused and the page shows the hold", async () => {
    const agent = await journey.signedIn("ava.agent");
    await unlockMaria(agent, journey.baseUrl);
    const link = await mariasReportLink(agent, journey.baseUrl);
    await openAccount(agent, journey.baseUrl, "maria.lopez");
    await verifyPanel(agent).getByRole("timer", { name: "Time left in the verified window" }).waitFor();

    const owner = await journey.page("owner");
    await openReportLink(owner, link);
    await confirmReport(owner);

    // The agent, who has not reloaded, sends a username reminder the caller asks for.
    await recoveryPanel(agent).getByRole("button", { name: "Send username reminder" }).click();
    const dialog = agent.getByRole("dialog");
    await dialog.getByRole("button", { name: "Send username reminder" }).click();
    await dialog.getByText("The verified window has closed. Verify the caller again.").waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await agent.getByText(HELD).first().waitFor();
    await recoveryPanel(agent).getByText(ONLY_SUPERVISOR_LIFTS).waitFor();
    const outbox = (await (await agent.request.get(`${journey.baseUrl}/api/v1/dev/outbox?limit=50`)).json()) as {
      items: { recipient: string; kind: string }[];
    };
    expect(outbox.items.filter((m) => m.recipient === MARIA.email && m.kind === "username_reminder")).toEqual([]);
  });

  it("only a supervisor lifts the hold, and only once the caller is verified by a code; the owner is told again", async () => {
    const agent = await journey.signedIn("ava.agent");
    await unlockMaria(agent, journey.baseUrl);
    await ownerReports(await mariasReportLink(agent, journey.baseUrl));

    // The agent on Maria's next call: verified, but told that only a supervisor lifts the hold.
    await openAccount(agent, journey.baseUrl, "maria.lopez");
    await verifyByQuestions(agent, MARIA.answers);
    await recoveryPanel(agent).getByText(ONLY_SUPERVISOR_LIFTS).waitFor();
    expect(await recoveryPanel(agent).getByRole("button", { name: "Lift lockout" }).count()).toBe(0);
    expect(await recoveryPanel(agent).getByRole("button", { name: "Send temporary password" }).isDisabled()).toBe(true);

    // The supervisor takes the call: the script starts at a code; the questions alone are not enough.
    const supervisor = await journey.signedIn("sam.supervisor");
    await openAccount(supervisor, journey.baseUrl, "maria.lopez");
    await verifyPanel(supervisor).getByText(VERIFY_BY_CODE_FIRST).waitFor();
    await verifyByQuestions(supervisor, MARIA.answers);
    const lift = recoveryPanel(supervisor).getByRole("button", { name: "Lift lockout" });
    await expect.poll(() => lift.isDisabled()).toBe(true);
    await supervisor
      .getByText("Needs one code. Also send a code by text message, or send a code by email.")
      .first()
      .waitFor();
    await supervisor
      .getByRole("group", { name: "Verify the caller also by" })
      .getByRole("button", { name: "Code by text message" })
      .click();
    const box = verifyPanel(supervisor).getByLabel("Code the caller reads out");
    await box.waitFor();
    await box.fill(await newestCode(supervisor, journey.baseUrl, MARIA.phone));
    await supervisor.keyboard.press("Enter");
    await waitUntilVerified(supervisor, "by security questions and a code sent by text message");

    await expect.poll(() => lift.evaluate((el) => el === document.activeElement)).toBe(true);
    await supervisor.keyboard.press("Enter");
    const dialog = supervisor.getByRole("dialog");
    await dialog.getByText("The hold the owner asked for is lifted, and the owner is told.").waitFor();
    await dialog.getByLabel("Reason").fill("Maria called back and read out the code sent to her phone.");
    await dialog.getByRole("button", { name: "Lift lockout" }).click();
    await dialog.waitFor({ state: "detached" });
    await toast(supervisor, "Lockout lifted for Maria Lopez.").waitFor();
    await supervisor.getByText("Active — the customer can sign in").waitFor();
    await history(supervisor).getByText("Hold lifted (the owner had reported a recovery)").waitFor();

    // The owner hears of it on both channels again, with new report links.
    await openOutbox(supervisor);
    await waitForMessages(supervisor, [MARIA.email, MARIA.phone], NOTICE_IN_SPANISH, 2);
  });
});
