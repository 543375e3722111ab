/**
 * Writes the demo world's accounts as an import file, to try `pnpm accounts:import` at scale:
 *   pnpm accounts:export-demo [--count 100000] [--out demo-accounts.ndjson] [--without-answers]
 *
 * The accounts are the demo generator's (its fixed seed: the same file every time), the five
 * personas first, one account record a line in the import's NDJSON form, each one the import
 * accepts. Without `--out` the lines go to standard output. `--without-answers` leaves out the
 * security questions, for an import that does no hashing.
 */
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { demoImportRecords } from "../demo/import-file.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    out: { type: "string" },
    "without-answers": { type: "boolean", default: false },
  },
  allowPositionals: false,
});
const count = Number(values.count);
if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
  console.error("Usage: pnpm accounts:export-demo [--count 1..5000000] [--out <file>] [--without-answers]");
  process.exit(2);
}

const out = values.out ? createWriteStream(resolve(process.env.INIT_CWD ?? process.cwd(), values.out)) : process.stdout;
for (const record of demoImportRecords(count, { answers: !values["without-answers"] })) {
  if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
}
if (values.out) {
  out.end();
  await once(out, "finish");
  console.error(`Wrote ${count.toLocaleString("en-US")} accounts to ${values.out}.`);
}
