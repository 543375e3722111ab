/**
 * B9 — the console in the browser: how much JavaScript the sign-in page and account search need
 * before they can be used, and how fast a click moves between search and an account under a slow
 * CPU. Everything is compared with a minimal Vite + React + TanStack Router page built in the same run.
 *
 * Run alone from bench/ (where tsx is installed): `node --import tsx scenarios/b9-console.ts [--quick]`.
 * B9_CONSOLE_DIST=<folder> measures another build of the console, e.g. one made before a change.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "@recovery-desk/test-support/browser";
import { REPO_ROOT, type RunningServer, startServer } from "@recovery-desk/test-support/server";
import { quantile } from "@recovery-desk/test-support/stats";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Measurement, ScenarioResult } from "../lib/types.ts";

export type B9Options = { quick: boolean; workDir: string; log: (line: string) => void };

const CONSOLE_DIR = join(REPO_ROOT, "apps/console");
const CONSOLE_DIST = join(CONSOLE_DIR, "dist");
/** Measure another build of the console (e.g. one made before a change) instead of apps/console/dist. */
const OTHER_CONSOLE_DIST = process.env.B9_CONSOLE_DIST;
const BASELINE_SOURCE = join(REPO_ROOT, "bench/baseline-app");
const CPU_SLOWDOWN = 4;
const SIZE_TARGET_RATIO = 1.5;
const ROUTE_CHANGE_TARGET_MS = 200;
const DEMO_STAFF = { username: "ava.agent", password: "helpdesk-demo" };
/** A demo persona the search finds with one result; her account page is the route-change target. */
const PERSONA = "maria.lopez";

/** One JavaScript file the page asked for, with its size as sent (gzip level 9) and unpacked. */
type ScriptFile = { url: string; bytes: number; gzip: number };

type InitialLoad = {
  files: ScriptFile[];
  /** Files asked for after the page was usable (prefetches, later chunks): not counted. */
  later: string[];
  gzip: number;
  bytes: number;
  /** Milliseconds from navigation start until the page's main content was in the document. */
  readyMs: number;
};

// ---------------------------------------------------------------------------------------------
// Building what is measured

/** Builds the minimal page with Vite's JavaScript API into `outDir`. */
async function buildBaseline(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    root: BASELINE_SOURCE,
    configFile: join(BASELINE_SOURCE, "vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
}

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    newest = Math.max(newest, newestChange(join(path, entry)));
  }
  return newest;
}

/**
 * The console's built files: apps/console/dist when it is newer than every source it is built from,
 * else a fresh production build in the work folder (so a build made at the same time by a test run
 * cannot change the files under the benchmark).
 */
function consoleBuild(workDir: string, log: (line: string) => void): string {
  if (OTHER_CONSOLE_DIST) {
    log(`B9: measuring the console build in ${OTHER_CONSOLE_DIST}`);
    return resolve(OTHER_CONSOLE_DIST);
  }
  const builtAt = existsSync(join(CONSOLE_DIST, "index.html")) ? statSync(join(CONSOLE_DIST, "index.html")).mtimeMs : 0;
  const sources = [
    join(CONSOLE_DIR, "src"),
    join(CONSOLE_DIR, "index.html"),
    join(CONSOLE_DIR, "vite.config.ts"),
    join(CONSOLE_DIR, "package.json"),
    join(REPO_ROOT, "packages/shared/src"),
  ];
  if (builtAt > Math.max(...sources.map(newestChange)) && isProductionBuild(CONSOLE_DIST)) {
    log("B9: the console's dist folder is up to date; not rebuilding");
    return CONSOLE_DIST;
  }
  const outDir = join(workDir, "b9-console");
  log("B9: building the console");
  const result = spawnSync(
    "pnpm",
    ["--filter", "@recovery-desk/console", "build", "--outDir", outDir, "--emptyOutDir"],
    { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (result.status !== 0) throw new Error(`The console build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

/** A build made with NODE_ENV other than production carries React's development build: not what agents get. */
function isProductionBuild(dist: string): boolean {
  const assets = join(dist, "assets");
  if (!existsSync(assets)) return false;
  return !readdirSync(assets).some(
    (file) => file.endsWith(".js") && readFileSync(join(assets, file), "utf8").includes("jsxDEV"),
  );
}

// ---------------------------------------------------------------------------------------------
// Serving it

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Serves a built single-page app from `dir`; unknown paths get index.html, as in production. */
async function serveStatic(dir: string): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
      file = join(root, "index.html");
    }
    res.writeHead(200, { "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The real API serving the built console, on a fresh embedded database with the demo world. */
function startApi(consoleDist: string): Promise<RunningServer> {
  return startServer(
    { DATABASE_URL: "", DEMO_ACCOUNTS: "500", CONSOLE_DIST: consoleDist },
    { readyTimeoutMs: 120_000 },
  );
}

// ---------------------------------------------------------------------------------------------
// Measuring in the browser

async function slowDownCpu(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/**
 * Page-side code is kept as plain script text: tsx adds helper calls to compiled functions, and those
 * helpers do not exist inside the page.
 *
 * Records, in the page's own clock, when an element matching `selector` (and containing `text`)
 * first appears: `window.__b9ReadyAt`. Installed before any of the page's scripts run.
 */
function watchForReady(ready: { selector: string; text: string }): string {
  return `(() => {
    const ready = ${JSON.stringify(ready)};
    const observer = new MutationObserver(() => {
      const element = document.querySelector(ready.selector);
      if (window.__b9ReadyAt === undefined && element && (element.textContent || "").includes(ready.text)) {
        window.__b9ReadyAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

/**
 * Polls `expression` in the page until it is true. Evaluated through the browser's debugging
 * protocol, which the console's Content-Security-Policy allows; `waitForFunction` evaluates its
 * predicate with `eval`, which that policy refuses.
 */
async function waitUntil(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`${expression} was still false after ${timeoutMs} ms on ${page.url()}`);
    await page.waitForTimeout(20);
  }
}

const sizeCache = new Map<string, { bytes: number; gzip: number }>();

async function sizeOf(url: string): Promise<{ bytes: number; gzip: number }> {
  const cached = sizeCache.get(url);
  if (cached) return cached;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const size = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  sizeCache.set(url, size);
  return size;
}

/**
 * Opens `url` in a fresh browser context (empty cache) and adds up every JavaScript file requested
 * before the page's main content (`selector` with `text`) was in the document.
 */
async function measureInitialLoad(
  browser: Browser,
  url: string,
  ready: { selector: string; text: string },
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<InitialLoad> {
  const context = await browser.newContext();
  try {
    if (prepare) await prepare(context);
    const page = await context.newPage();
    await slowDownCpu(page);
    await page.addInitScript({ content: watchForReady(ready) });
    const scripts: { url: string; startedAt: () => number }[] = [];
    page.on("requestfinished", (request) => {
      const path = new URL(request.url()).pathname;
      if (request.resourceType() === "script" || /\.m?js$/.test(path)) {
        scripts.push({ url: request.url(), startedAt: () => request.timing().startTime });
      }
    });
    await page.goto(url);
    await waitUntil(page, "window.__b9ReadyAt !== undefined", 60_000);
    // Whatever the page asks for right after it is usable shows up here, to be told apart.
    await page.waitForTimeout(1000);
    const { timeOrigin, readyAt } = (await page.evaluate(
      "({ timeOrigin: performance.timeOrigin, readyAt: window.__b9ReadyAt })",
    )) as { timeOrigin: number; readyAt: number };
    const readyWallClock = timeOrigin + readyAt;
    const files: ScriptFile[] = [];
    const later: string[] = [];
    for (const script of scripts) {
      if (script.startedAt() <= readyWallClock) files.push({ url: script.url, ...(await sizeOf(script.url)) });
      else later.push(script.url);
    }
    return {
      files,
      later,
      gzip: files.reduce((sum, file) => sum + file.gzip, 0),
      bytes: files.reduce((sum, file) => sum + file.bytes, 0),
      readyMs: readyAt,
    };
  } finally {
    await context.close();
  }
}

/**
 * In the page: clicks the link matching `linkSelector` the way a mouse click would arrive (no hover
 * first, so nothing is preloaded on intent) and resolves to how many milliseconds passed until the
 * destination's `targetSelector` (containing `text`) was in the document, and until the next frame.
 */
function clickAndWait(hop: Hop): string {
  return `new Promise((done, fail) => {
    const hop = ${JSON.stringify(hop)};
    const link = document.querySelector(hop.linkSelector);
    if (!link) return fail(new Error("No " + hop.linkSelector + " on " + location.href));
    const timeout = setTimeout(() => fail(new Error(hop.targetSelector + " did not appear on " + location.href)), 30000);
    let start = 0;
    const observer = new MutationObserver(() => {
      const element = document.querySelector(hop.targetSelector);
      if (!element || !(element.textContent || "").includes(hop.text)) return;
      const dom = performance.now() - start;
      observer.disconnect();
      clearTimeout(timeout);
      requestAnimationFrame(() => setTimeout(() => done({ dom, frame: performance.now() - start })));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    start = performance.now();
    link.click();
  })`;
}

type Hop = { linkSelector: string; targetSelector: string; text: string };

/** Waits a moment and then until the page's main thread has nothing left to do. */
async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(300);
  await page.evaluate("new Promise((done) => requestIdleCallback(() => done(), { timeout: 3000 }))");
}

type RouteChanges = { dom: number[]; frame: number[]; firstDom: number; there: number[]; back: number[] };

/**
 * Goes there and back `rounds` times with the CPU slowed down; the first round (the destination's
 * code and data not yet loaded) is a warm-up, reported on its own.
 */
async function measureRouteChanges(page: Page, there: Hop, back: Hop, rounds: number): Promise<RouteChanges> {
  await slowDownCpu(page);
  const dom: number[] = [];
  const frame: number[] = [];
  const times = { there: [] as number[], back: [] as number[] };
  let firstDom = 0;
  for (let round = 0; round <= rounds; round++) {
    for (const hop of [there, back]) {
      const time = (await page.evaluate(clickAndWait(hop))) as { dom: number; frame: number };
      // Let the new page's own follow-up work (its other requests, effects, timers) finish first, so
      // the next click is measured on its own rather than queued behind that work.
      await settle(page);
      if (round === 0) {
        if (hop === there) firstDom = time.dom;
        continue;
      }
      dom.push(time.dom);
      frame.push(time.frame);
      times[hop === there ? "there" : "back"].push(time.dom);
    }
  }
  return { dom, frame, firstDom, ...times };
}

// ---------------------------------------------------------------------------------------------
// Figures

/** The p-th percentile (0..100) of `values`, by nearest rank. */
const percentile = (values: number[], p: number) =>
  quantile(
    [...values].sort((a, b) => a - b),
    p / 100,
  );

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
const kB = (bytes: number) => round1(bytes / 1000);

function sizeMeasurement(label: string, load: InitialLoad): Measurement {
  const size = kB(load.gzip);
  return {
    label,
    p50: size,
    p95: size,
    p99: size,
    throughput: 0,
    extra: { files: load.files.length, gzipBytes: load.gzip, rawBytes: load.bytes, readyMs: round1(load.readyMs) },
  };
}

function sizeRow(name: string, load: InitialLoad, baseline: InitialLoad): ScenarioResult {
  const ratio = round2(load.gzip / baseline.gzip);
  const size = kB(load.gzip);
  return {
    id: "B9",
    name,
    p50: size,
    p95: size,
    p99: size,
    throughput: 0,
    baseline: sizeMeasurement("minimal Vite + React + TanStack Router page, initial JS (kB gzip)", baseline),
    ratio,
    target: `initial JS ≤ ${SIZE_TARGET_RATIO}× the minimal page (gzip)`,
    pass: ratio <= SIZE_TARGET_RATIO,
    note:
      `Sizes in kB of gzip (level 9), not milliseconds: ${load.files.length} JS files, ${kB(load.bytes)} kB unpacked, ` +
      `usable ${Math.round(load.readyMs)} ms after navigation with the CPU ${CPU_SLOWDOWN}× slower ` +
      `(minimal page: ${kB(baseline.gzip)} kB in ${baseline.files.length} files, ${Math.round(baseline.readyMs)} ms).` +
      (load.later.length > 0 ? ` ${load.later.length} JS files were requested after the page was usable.` : ""),
  };
}

function latencyMeasurement(label: string, changes: RouteChanges): Measurement {
  return {
    label,
    p50: round1(percentile(changes.dom, 50)),
    p95: round1(percentile(changes.dom, 95)),
    p99: round1(percentile(changes.dom, 99)),
    throughput: 0,
    extra: {
      samples: changes.dom.length,
      nextFrameP95Ms: round1(percentile(changes.frame, 95)),
      thereP50Ms: round1(percentile(changes.there, 50)),
      backP50Ms: round1(percentile(changes.back, 50)),
      firstVisitMs: round1(changes.firstDom),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The scenario

export async function b9(options: B9Options): Promise<ScenarioResult[]> {
  const { quick, workDir, log } = options;
  const rounds = quick ? 5 : 20;
  const loads = quick ? 1 : 3;
  mkdirSync(workDir, { recursive: true });

  const baselineDist = join(workDir, "b9-baseline");
  log("B9: building the minimal page");
  await buildBaseline(baselineDist);
  const consoleDist = consoleBuild(workDir, log);

  const baselineServer = await serveStatic(baselineDist);
  let api: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    log("B9: starting the API with the demo world");
    api = await startApi(consoleDist);
    const consoleUrl = api.baseUrl;
    browser = await launchBrowser();
    const signIn = async (context: BrowserContext) => {
      const response = await context.request.post(`${consoleUrl}/api/v1/auth/login`, { data: DEMO_STAFF });
      if (!response.ok()) throw new Error(`Signing in as ${DEMO_STAFF.username} failed: ${response.status()}`);
    };

    /** The load with the median time to usable; sizes are the same on every load. */
    const typicalLoad = async (measure: () => Promise<InitialLoad>): Promise<InitialLoad> => {
      const all: InitialLoad[] = [];
      for (let i = 0; i < loads; i++) all.push(await measure());
      all.sort((a, b) => a.readyMs - b.readyMs);
      return all[Math.floor(all.length / 2)] as InitialLoad;
    };

    log("B9: initial JavaScript of the minimal page, /login and /accounts");
    const baselineLoad = await typicalLoad(() =>
      measureInitialLoad(browser as Browser, `${baselineServer.baseUrl}/`, {
        selector: "#first-heading",
        text: "First",
      }),
    );
    const loginLoad = await typicalLoad(() =>
      measureInitialLoad(browser as Browser, `${consoleUrl}/login`, { selector: "#username", text: "" }),
    );
    const searchLoad = await typicalLoad(() =>
      measureInitialLoad(
        browser as Browser,
        `${consoleUrl}/accounts`,
        { selector: "input[type=search]", text: "" },
        signIn,
      ),
    );
    for (const [name, load] of [
      ["minimal page", baselineLoad],
      ["/login", loginLoad],
      ["/accounts", searchLoad],
    ] as const) {
      log(
        `B9: ${name}: ${kB(load.gzip)} kB gzip in ${load.files.length} files, usable after ${Math.round(load.readyMs)} ms`,
      );
      for (const file of load.files) log(`      ${kB(file.gzip)} kB  ${new URL(file.url).pathname}`);
      for (const url of load.later) log(`      (later) ${new URL(url).pathname}`);
    }

    log(`B9: route changes, ${rounds} round trips each, CPU ${CPU_SLOWDOWN}× slower`);
    const baselineContext = await browser.newContext();
    const baselinePage = await baselineContext.newPage();
    await baselinePage.goto(`${baselineServer.baseUrl}/`);
    await baselinePage.locator("#first-heading").waitFor();
    const baselineChanges = await measureRouteChanges(
      baselinePage,
      { linkSelector: "#to-second", targetSelector: "#second-heading", text: "Second" },
      { linkSelector: "#to-first", targetSelector: "#first-heading", text: "First" },
      rounds,
    );
    await baselineContext.close();

    const consoleContext = await browser.newContext();
    await signIn(consoleContext);
    const consolePage = await consoleContext.newPage();
    await consolePage.goto(`${consoleUrl}/accounts?q=${PERSONA}`);
    await consolePage.locator("a[data-result]").first().waitFor();
    const consoleChanges = await measureRouteChanges(
      consolePage,
      { linkSelector: "a[data-result]", targetSelector: "#account-heading", text: "Maria Lopez" },
      { linkSelector: "a.back-link", targetSelector: "main a[data-result]", text: "Maria Lopez" },
      rounds,
    );
    await consoleContext.close();

    const consoleLatency = latencyMeasurement("console", consoleChanges);
    const baselineLatency = latencyMeasurement(
      "minimal page: click between its two routes until the heading is in the document (ms)",
      baselineChanges,
    );
    log(
      `B9: route change p50/p95 ${consoleLatency.p50}/${consoleLatency.p95} ms ` +
        `(minimal page ${baselineLatency.p50}/${baselineLatency.p95} ms); ` +
        `to the account ${consoleChanges.there.map(Math.round).join(", ")} ms, ` +
        `back to the results ${consoleChanges.back.map(Math.round).join(", ")} ms`,
    );

    return [
      sizeRow("console initial JS, /login (kB gzip)", loginLoad, baselineLoad),
      sizeRow("console initial JS, /accounts signed in (kB gzip)", searchLoad, baselineLoad),
      {
        id: "B9",
        name: `console route change + render, search ⇄ account, CPU ${CPU_SLOWDOWN}× slower (ms)`,
        p50: consoleLatency.p50,
        p95: consoleLatency.p95,
        p99: consoleLatency.p99,
        throughput: 0,
        baseline: baselineLatency,
        ratio: round2(consoleLatency.p95 / baselineLatency.p95),
        target: `route change p95 ≤ ${ROUTE_CHANGE_TARGET_MS} ms`,
        pass: consoleLatency.p95 <= ROUTE_CHANGE_TARGET_MS,
        note:
          `From the click on a result (or "Back to search results") until the account heading (or the result ` +
          `list) is in the document; ${consoleChanges.dom.length} changes after one warm-up round trip. ` +
          `Until the next frame: p95 ${consoleLatency.extra?.nextFrameP95Ms} ms. First visit to the account page ` +
          `(its code and data not yet loaded): ${consoleLatency.extra?.firstVisitMs} ms. ` +
          `The ratio is p95 over the minimal page's p95, for the record; the target is absolute.`,
      },
    ];
  } finally {
    await browser?.close();
    await api?.stop();
    await baselineServer.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Alone from the command line

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const print = (line = "") => process.stdout.write(`${line}\n`);
  const quick = process.argv.includes("--quick");
  const workDir = mkdtempSync(join(tmpdir(), "rd-b9-work-"));
  try {
    const rows = await b9({ quick, workDir, log: print });
    print();
    print("| name | p50 | p95 | p99 | baseline p95 | ratio | target | pass |");
    print("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const row of rows) {
      print(
        `| ${row.name} | ${row.p50} | ${row.p95} | ${row.p99} | ${row.baseline.p95} | ${row.ratio} | ${row.target} | ${row.pass ? "pass" : "FAIL"} |`,
      );
    }
    for (const row of rows) if (row.note) print(`\n${row.name}: ${row.note}`);
    print(`\n${JSON.stringify(rows, null, 2)}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
