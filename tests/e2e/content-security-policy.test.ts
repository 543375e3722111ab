import { readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { type Journey, useJourney } from "@recovery-desk/test-support/journey";
import { walkOwnerReportScreens } from "@recovery-desk/test-support/owner-report";
import { REPO_ROOT } from "@recovery-desk/test-support/server";
import {
  alsoVerifyByCode,
  openAccount,
  proposeAnaSilvasMerge,
  proposeMerge,
  signIn,
  verifyByQuestions,
  walkMergesScreens,
  walkWebhooksScreens,
} from "@recovery-desk/test-support/session";
import type { Page, Response } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";

/**
 * Every screen of the console and the API's documentation under the strict Content-Security-Policy:
 * an agent and then an admin walk through them all, dialogs and drawers open, and Chromium reports
 * no violation.
 * The built console's files come compressed, and hashed ones are cached for a year.
 */
/** The journeys that need no merge waiting share a server; none changes what another one reads. */
const journey = useJourney();
const baseUrl = () => journey.baseUrl;
let page: Page;

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
}
const violations: Violation[] = [];
/** Console messages in which Chromium says it refused something for the policy. */
const refusals: string[] = [];
/** The policy of every page (document) the browser loaded, by address. */
const policies = new Map<string, string | undefined>();

beforeEach(() => {
  violations.length = 0;
  refusals.length = 0;
  policies.clear();
});

/** A page of the test's own that reports every policy violation, refusal and policy it meets. */
async function watchedPage(journey: Journey): Promise<Page> {
  const watched = await journey.page("page", { colorScheme: "dark" });
  const context = watched.context();
  await context.exposeBinding("reportPolicyViolation", (_source, violation: Violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener(
      "securitypolicyviolation",
      (event) => {
        (window as unknown as { reportPolicyViolation(v: unknown): void }).reportPolicyViolation({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          sample: event.sample,
          source: event.sourceFile,
          line: event.lineNumber,
        });
      },
      true,
    );
  });
  watched.on("console", (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) refusals.push(message.text());
  });
  watched.on("response", (response: Response) => {
    if (response.request().resourceType() === "document") {
      policies.set(response.url(), response.headers()["content-security-policy"]);
    }
  });
  return watched;
}

/**
 * Waits a moment for late reports, then expects none, and that every page loaded had the strict
 * policy: the console's page with a nonce for its own tags, the API's documentation with none.
 */
async function expectNoViolations(): Promise<void> {
  await page.waitForTimeout(200);
  expect(violations).toEqual([]);
  expect(refusals).toEqual([]);
  expect(policies.size).toBeGreaterThan(0);
  for (const [url, policy] of policies) {
    expect(policy, url).toMatch(/frame-ancestors 'none'/);
    expect(policy, url).toMatch(
      new URL(url).pathname.startsWith("/api/") ? /script-src 'self';/ : /script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/,
    );
    expect(policy, url).not.toContain("unsafe-inline");
  }
}

const dialog = () => page.getByRole("dialog");

describe("the Content-Security-Policy in Chromium", () => {
  it("is enforced: a style element without the page's nonce is refused and reported", async () => {
    page = await watchedPage(journey);
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Username").waitFor();
    await page.evaluate(() => {
      const style = document.createElement("style");
      style.textContent = "body { outline: 1px solid red }";
      document.head.append(style);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]?.directive).toBe("style-src-elem");
  });

  it("sign-in and account search", async () => {
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ava.agent");
    await page.goto(`${baseUrl()}/accounts?q=Main%20Street`);
    await page.getByRole("list", { name: "Matching accounts" }).waitFor();
    await page.goto(`${baseUrl()}/accounts?q=zzqxv`);
    await page
      .getByText(/No accounts match/)
      .first()
      .waitFor();
    await expectNoViolations();
  });

  it("an account: verifying the caller, a recovery dialog, possible duplicates, proposing a merge and its toast", async () => {
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ava.agent");
    await openAccount(page, baseUrl(), "ana.silva");
    await page.getByRole("region", { name: "Possible duplicates" }).getByRole("table").waitFor();
    await verifyByQuestions(page, {
      "What was the name of your first pet?": "Luna",
      "What high school did you attend?": "Lincoln High",
    });
    await alsoVerifyByCode(
      page,
      baseUrl(),
      "Code by email",
      "ana.silva@example.com",
      "by security questions and a code sent by email",
    );
    await page.getByRole("button", { name: "Send temporary password" }).click();
    await dialog().getByLabel("Reason").waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    await proposeMerge(page, /anasilva1984/, "Same person at the same address.");
    await expectNoViolations();
  });

  it("the audit trail and one event in its drawer", async () => {
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ada.admin");
    await page.goto(`${baseUrl()}/audit`);
    const grid = page.getByRole("grid", { name: "Audit events, newest first" });
    await grid.getByRole("gridcell").first().waitFor();
    await grid.getByRole("row").nth(1).focus();
    await page.keyboard.press("Enter");
    await dialog()
      .getByRole("heading", { name: /^Event / })
      .waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    await expectNoViolations();
  });

  it("administration: API keys and staff, with their dialogs, in both themes", async () => {
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ada.admin");
    await page.goto(`${baseUrl()}/admin/api-keys`);
    await page.getByRole("heading", { level: 1, name: "API keys" }).waitFor();
    await page.getByRole("button", { name: "Create API key" }).click();
    await dialog().getByLabel("Name").waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });

    await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Staff" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await page.getByRole("button", { name: "Add staff member" }).click();
    await dialog().getByLabel("Username").waitFor();
    await page.keyboard.press("Escape");
    await dialog().waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Disable Sam Supervisor" }).click();
    await page.getByRole("alertdialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("alertdialog").waitFor({ state: "detached" });

    await page.emulateMedia({ colorScheme: "light" });
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Staff" }).waitFor();
    await expectNoViolations();
  });

  it("administration: webhooks, adding one (its secret shown once), its deliveries and deleting it", async () => {
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ada.admin");
    await walkWebhooksScreens(page, baseUrl());
    await expectNoViolations();
  });

  it("the API's documentation, with an operation opened", async () => {
    page = await watchedPage(journey);
    await page.goto(`${baseUrl()}/api/docs`);
    await page.getByRole("heading", { name: /Recovery Desk API/ }).waitFor();
    const operation = page.locator(".opblock-summary-control").first();
    await operation.click();
    await page.locator(".opblock-body").first().waitFor();
    await page.getByRole("button", { name: "Try it out" }).first().click();
    await expectNoViolations();
  });
});

describe("the Content-Security-Policy on the merges screens, with a merge waiting", () => {
  // A server of its own, where a merge is proposed first (the account journey proposes the same one).
  const journey = useJourney();
  const baseUrl = () => journey.baseUrl;

  it("the outbox, and for an admin the merges queue with its approve dialog and clusters", async () => {
    await proposeAnaSilvasMerge(await journey.signedIn("ava.agent"), baseUrl());
    page = await watchedPage(journey);
    await signIn(page, baseUrl(), "ava.agent");
    await page.goto(`${baseUrl()}/outbox`);
    await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();

    await page.context().clearCookies();
    await signIn(page, baseUrl(), "ada.admin");
    await walkMergesScreens(page, baseUrl());
    await expectNoViolations();
  });
});

describe("the Content-Security-Policy on an owner's report, from the notice to the held account", () => {
  // A server of its own: the report holds Maria, whom no other journey here may find held.
  const journey = useJourney();

  it("the outbox with notices, the public report page before and after confirming, and the held account for an agent and a supervisor", async () => {
    const agent = await watchedPage(journey);
    await signIn(agent, journey.baseUrl, "ava.agent");
    const owner = await watchedPage(journey);
    const supervisor = await watchedPage(journey);
    await signIn(supervisor, journey.baseUrl, "sam.supervisor");
    page = agent;
    await walkOwnerReportScreens(journey.baseUrl, { agent, owner, supervisor });
    expect([...policies.keys()].some((url) => new URL(url).pathname.startsWith("/report/"))).toBe(true);
    await expectNoViolations();
  });
});

/** A raw GET, so the body is seen as sent (fetch would undo the compression). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      httpRequest(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("the built console's files", () => {
  it("come pre-compressed by Accept-Encoding, the same bytes once decompressed, cached for a year", async () => {
    const page = await (await fetch(`${baseUrl()}/`)).text();
    const main = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)"/.exec(page)?.[1];
    expect(main).toBeTruthy();
    const dist = process.env.CONSOLE_DIST ?? join(REPO_ROOT, "apps/console/dist");
    const original = await readFile(join(dist, main ?? ""));

    const sizes: Record<string, number> = {};
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br, zstd", "br", brotliDecompressSync],
      ["gzip, deflate", "gzip", gunzipSync],
      ["", undefined, (body: Buffer) => body],
    ] as const) {
      const res = await rawGet(`${baseUrl()}${main}`, accept ? { "accept-encoding": accept } : {});
      expect(res.status).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers.vary).toBe("Accept-Encoding");
      expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(decode(res.body).equals(original)).toBe(true);
      sizes[encoding ?? "identity"] = res.body.length;
    }
    expect(sizes.br).toBeLessThan((sizes.identity ?? 0) / 3);
    expect(sizes.gzip).toBeLessThan((sizes.identity ?? 0) / 3);
    console.warn(`main script: ${JSON.stringify(sizes)} bytes`);

    const index = await rawGet(`${baseUrl()}/`, { "accept-encoding": "gzip, br" });
    expect(index.headers["cache-control"]).toBe("no-store");
    expect(index.headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  });
});
