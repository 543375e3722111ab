import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "./server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; nothing is downloaded. Fails loudly when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM}; the browser tests cannot run. Install it with \`apt-get install chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

const ARTIFACTS = join(REPO_ROOT, "tests/e2e/artifacts");

/** Saves a screenshot of the page, named after the test, for a failed step. */
export async function screenshotOnFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page
    .screenshot({ path: join(ARTIFACTS, `${name.replace(/[^\w-]+/g, "_")}.png`), fullPage: true })
    .catch(() => {});
}
