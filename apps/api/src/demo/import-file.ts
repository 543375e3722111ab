import { AccountRecord } from "@recovery-desk/shared";
import { generateDemoWorld } from "./generate.ts";
import { recordOf } from "./load.ts";
import { PERSONAS } from "./personas.ts";

/**
 * The first `count` accounts of the demo world (the personas, then generated ones) as account
 * records an import accepts: a line each of `pnpm accounts:export-demo`. The same every time.
 * A few generated addresses have a ZIP no post office uses (00000), which an import refuses, so a
 * little more is generated than asked and those are left out.
 */
export function demoImportRecords(count: number, options: { answers: boolean } = { answers: true }): AccountRecord[] {
  const world = generateDemoWorld(Math.ceil(Math.max(0, count - PERSONAS.length) * 1.01) + 10);
  return world.accounts
    .map(recordOf)
    .filter((r) => AccountRecord.safeParse(r).success)
    .slice(0, count)
    .map(({ securityQuestions, ...record }) => (options.answers ? { ...record, securityQuestions } : record));
}
