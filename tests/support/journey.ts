import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { launchBrowser, screenshotOnFailure } from "./browser.ts";
import { type RunningServer, type StartOptions, startServer } from "./server.ts";
import { signIn } from "./session.ts";

/** What a journey test works with: the running server, the browser, and pages of its own. */
export interface Journey {
  readonly baseUrl: string;
  readonly server: RunningServer;
  readonly browser: Browser;
  /**
   * A page in a browser context of its own (its own cookies), closed when the test ends; when the
   * test fails, its screenshot is saved under `label`.
   */
  page(label?: string, options?: BrowserContextOptions): Promise<Page>;
  /** Such a page, signed in as the demo staff member `username`. */
  signedIn(username: string, options?: BrowserContextOptions): Promise<Page>;
}

export interface JourneyOptions {
  /**
   * "file" (the default): one server with the demo world for the file (or the `describe` this is
   * called in), which its tests share, so they must not change what another test reads.
   * "test": a server with a fresh demo world for each test.
   */
  world?: "file" | "test";
  /** Environment for the server, e.g. DATABASE_URL. */
  env?: Record<string, string>;
  start?: StartOptions;
}

/**
 * Starts the real server (on a copy of the run's demo world, see e2e/setup.ts) and headless Chromium
 * for the journeys of a file or a `describe`, gives each test fresh pages, saves a screenshot of each
 * page of a failed test, and stops it all afterwards.
 */
export function useJourney(options: JourneyOptions = {}): Journey {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  let opened: { label: string; context: BrowserContext; page: Page }[] = [];

  const start = () => startServer(options.env, { from: process.env.E2E_DEMO_WORLD, ...options.start });

  beforeAll(async () => {
    browser = await launchBrowser();
    if (options.world !== "test") server = await start();
  });
  if (options.world === "test") {
    beforeEach(async () => {
      server = await start();
    });
  }
  afterEach(async (context) => {
    const pages = opened;
    opened = [];
    if (context.task.result?.state === "fail") {
      for (const { label, page } of pages) await screenshotOnFailure(page, `${context.task.name} (${label})`);
    }
    for (const { context: browserContext } of pages) await browserContext.close().catch(() => {});
    if (options.world === "test") {
      await server?.stop();
      server = undefined;
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const journey: Journey = {
    get baseUrl() {
      if (!server) throw new Error("The journey's server is not running");
      return server.baseUrl;
    },
    get server() {
      if (!server) throw new Error("The journey's server is not running");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("The journey's browser is not running");
      return browser;
    },
    async page(label = "page", contextOptions = {}) {
      const context = await journey.browser.newContext(contextOptions);
      const page = await context.newPage();
      opened.push({ label, context, page });
      return page;
    },
    async signedIn(username, contextOptions = {}) {
      const page = await journey.page(username, contextOptions);
      await signIn(page, journey.baseUrl, username);
      return page;
    },
  };
  return journey;
}
