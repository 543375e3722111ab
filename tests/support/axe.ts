import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { AxeResults, ImpactValue, RunOptions } from "axe-core";
import type { Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(dirname(require.resolve("axe-core")), "axe.min.js"), "utf8");

/** One rule that failed, with the elements it failed on, short enough to read in a test report. */
export interface AxeViolation {
  rule: string;
  impact: ImpactValue | undefined;
  help: string;
  nodes: { target: string; summary: string }[];
}

declare global {
  interface Window {
    axe?: { run(context: unknown, options: RunOptions): Promise<AxeResults> };
  }
}

/**
 * Runs axe-core on the page as it is now (loaded once per document) and returns its violations.
 * axe is evaluated through the browser's debugging protocol rather than added as a `<script>`, so
 * the console's Content-Security-Policy, which refuses inline scripts, stays on while it runs.
 */
export async function runAxe(page: Page, options: RunOptions = {}): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async (runOptions) => {
    const axe = window.axe;
    if (!axe) throw new Error("axe-core did not load into the page");
    return axe.run(document, { ...runOptions, resultTypes: ["violations"] });
  }, options);
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.map(String).join(" "),
      summary: (node.failureSummary ?? "").replace(/\s+/g, " ").trim(),
    })),
  }));
}

/** Serious and critical violations of every axe rule (WCAG 2.0–2.2 A and AA, and best practice). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const violations = await runAxe(page);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Text and control colours below the WCAG 2.2 AA contrast ratios, at any impact. */
export function contrastViolations(page: Page): Promise<AxeViolation[]> {
  return runAxe(page, { runOnly: { type: "rule", values: ["color-contrast"] } });
}

/** Violations as lines a person can act on: rule, impact, what it means, and where. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.rule} (${violation.impact}): ${violation.help}\n${violation.nodes
          .slice(0, 5)
          .map((node) => `  at ${node.target}: ${node.summary}`)
          .join("\n")}`,
    )
    .join("\n");
}
