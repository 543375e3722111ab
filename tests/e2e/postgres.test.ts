import { launchBrowser, screenshotOnFailure } from "@recovery-desk/test-support/browser";
import { confirmReport, mariasReportLink, openReportLink } from "@recovery-desk/test-support/owner-report";
import {
  type PostgresCluster,
  skipWithoutPostgres,
  startPostgresCluster,
} from "@recovery-desk/test-support/postgres-cluster";
import { type RunningServer, startServer } from "@recovery-desk/test-support/server";
import { openAccount, signIn, toast, verifyByQuestions } from "@recovery-desk/test-support/session";
import type { Browser, Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/**
 * The core call once more, on a real PostgreSQL instead of the embedded database: sign in, find the
 * caller, verify, lift the lockout; the owner reports it from the notice and the account is held. Without the PostgreSQL binaries it is skipped on a workstation
 * (with a note); in CI it always runs, and fails with install instructions when they are missing.
 */
const skip = skipWithoutPostgres("the browser journey on PostgreSQL");

let cluster: PostgresCluster | undefined;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let baseUrl = "";

describe.skipIf(skip)("on a real PostgreSQL", () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster({ label: "e2e" });
    server = await startServer({ DATABASE_URL: cluster.url, DEMO: "true" });
    baseUrl = server.baseUrl;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === "fail") await screenshotOnFailure(page, `postgres ${context.task.name}`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await cluster?.stop();
  });

  it("an agent signs in, finds Maria Lopez by her phone number, verifies her and lifts her lockout; her owner reports it from the notice and the hold is kept", async () => {
    if (!page) throw new Error("The browser did not start");
    const health = (await (await fetch(`${baseUrl}/readyz`)).json()) as { database: string };
    expect(health.database).toBe("up");

    await signIn(page, baseUrl, "ava.agent");
    const box = page.getByRole("searchbox", { name: "Search accounts" });
    await box.fill("(217) 555-0142");
    await expect.poll(() => page?.getByRole("link", { name: "Maria Lopez" }).count()).toBe(1);

    await openAccount(page, baseUrl, "maria.lopez");
    expect(await page.getByRole("main").textContent()).toContain("•••-•••-0142");
    await verifyByQuestions(page, {
      "What was the name of your first pet?": "Biscuit",
      "In what city were you born?": "San Antonio",
    });
    await expect.poll(() => page?.getByText("maria.lopez@example.com").count()).toBeGreaterThan(0);

    await page.getByRole("button", { name: "Lift lockout" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Lift lockout" }).click();
    await dialog.waitFor({ state: "detached" });
    await toast(page, "Lockout lifted for Maria Lopez.").waitFor();
    await expect.poll(() => page?.getByText("Active — the customer can sign in").isVisible()).toBe(true);

    // The change lives in PostgreSQL: the account row and its audit event, read straight from the database.
    const sql = postgres(cluster?.url ?? "", { max: 1, onnotice: () => {} });
    try {
      const [account] = await sql<{ status: string }[]>`select status from accounts where username = 'maria.lopez'`;
      expect(account?.status).toBe("active");
      const [events] = await sql<{ count: string }[]>`
        select count(*) from audit_events where action = 'account.unlocked' and account_id = (
          select id from accounts where username = 'maria.lopez')`;
      expect(Number(events?.count)).toBe(1);

      // Her owner reports the unlock from the notice's link, in a browser of their own.
      const link = await mariasReportLink(page, baseUrl);
      const owner = await (browser as Browser).newPage();
      try {
        await openReportLink(owner, link);
        await confirmReport(owner);
      } finally {
        await owner.close();
      }
      const [held] = await sql<{ status: string; status_reason: string | null }[]>`
        select status, status_reason from accounts where username = 'maria.lopez'`;
      expect(held).toEqual({ status: "locked", status_reason: "reported_by_owner" });
      const [reported] = await sql<{ count: string }[]>`
        select count(*) from audit_events where action = 'account.recovery_reported' and account_id = (
          select id from accounts where username = 'maria.lopez')`;
      expect(Number(reported?.count)).toBe(1);
      // Both links of the notice are used up; the notices and the confirmation go out.
      const [used] = await sql<{ count: string }[]>`
        select count(*) from report_tokens where used_at is not null and account_id = (
          select id from accounts where username = 'maria.lopez')`;
      expect(Number(used?.count)).toBe(2);
      await expect
        .poll(
          async () =>
            await sql<{ kind: string; channel: string; status: string }[]>`
              select kind, channel, status from notices where account_id = (
                select id from accounts where username = 'maria.lopez') order by kind, channel`,
          { timeout: 10_000 },
        )
        .toEqual([
          { kind: "notice", channel: "email", status: "sent" },
          { kind: "notice", channel: "sms", status: "sent" },
          { kind: "report_confirmation", channel: "email", status: "sent" },
        ]);
    } finally {
      await sql.end();
    }
  });
});
