/**
 * Loads accounts from the system of record:
 *   pnpm accounts:import accounts.ndjson [--format ndjson|csv] [--report rejected.ndjson] [--restart]
 *
 * The file is read as a stream (memory stays flat at any size), each line checked as the account
 * sync route checks its body and written in batches of 500, one transaction each. Importing is
 * idempotent by username: running a file again creates nothing and changes only what differs.
 * After each batch the command notes how far it got in `<file>.import-progress`; run it again after
 * an interruption and it carries on from there (the accounts before are already in), and the note
 * goes once the file is done. Refused lines go to `<file>.rejected.ndjson` with their line number
 * and reasons, never their content. Exit codes: 0 all imported, 3 some lines refused, 1 failure,
 * 2 usage.
 */

import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { extname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SYSTEM_ACTOR } from "../audit/append.ts";
import { openPostgres } from "../db/client.ts";
import { pendingMigrations } from "../db/migration-state.ts";
import { openEmbeddedOrExit } from "../db/open-embedded-or-exit.ts";
import { loadEnv } from "../env.ts";
import { type ImportCounts, type ImportProgress, importAccounts } from "../features/accounts/import.ts";
import {
  ImportFileError,
  type ImportFormat,
  type ReadFrom,
  readCsv,
  readNdjson,
} from "../features/accounts/import-formats.ts";
import { safeError } from "../lib/safe-error.ts";

const USAGE = "Usage: pnpm accounts:import <file.ndjson|file.csv> [--format ndjson|csv] [--report <file>] [--restart]";

const { values, positionals } = parseArgs({
  options: {
    format: { type: "string" },
    report: { type: "string" },
    restart: { type: "boolean", default: false },
    "batch-size": { type: "string" },
  },
  allowPositionals: true,
});
// pnpm runs the command in apps/api; paths are as the operator typed them, from where they stood.
const here = process.env.INIT_CWD ?? process.cwd();
const file = positionals[0] ? resolve(here, positionals[0]) : undefined;
const format = (values.format ?? (extname(file ?? "").toLowerCase() === ".csv" ? "csv" : "ndjson")) as ImportFormat;
const batchSize = values["batch-size"] ? Number(values["batch-size"]) : undefined;
if (
  !file ||
  positionals.length > 1 ||
  !["ndjson", "csv"].includes(format) ||
  (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1 && batchSize <= 5000))
) {
  console.error(USAGE);
  process.exit(2);
}
if (!existsSync(file) || !statSync(file).isFile()) {
  console.error(`No such file: ${file}`);
  process.exit(2);
}

/** How far an earlier run of the same file got; only trusted while the file is unchanged. */
interface Checkpoint extends ReadFrom {
  size: number;
  mtimeMs: number;
  counts: ImportCounts;
}
const checkpointPath = `${file}.import-progress`;
const reportPath = values.report ? resolve(here, values.report) : `${file}.rejected.ndjson`;
const { size, mtimeMs } = statSync(file);

function readCheckpoint(): Checkpoint | null {
  if (values.restart || !existsSync(checkpointPath)) return null;
  try {
    const saved = JSON.parse(readFileSync(checkpointPath, "utf8")) as Checkpoint;
    return saved.size === size && saved.mtimeMs === mtimeMs && saved.offset <= size ? saved : null;
  } catch {
    return null;
  }
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const number = (n: number) => n.toLocaleString("en-US");
const duration = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`
    : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

/**
 * Progress on standard error: a bar redrawn in place on a terminal, otherwise a plain line every
 * ten seconds. Rate is accounts a second over this run; the time left follows from the bytes.
 */
function progressReporter(startOffset: number, earlier: ImportCounts) {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let lastPlain = started;
  let latest: ImportProgress | null = null;
  const draw = (final: boolean) => {
    if (!latest) return;
    const seconds = (performance.now() - started) / 1000;
    const done = latest.created + latest.updated + latest.unchanged + latest.rejected;
    const rate = seconds > 0 ? done / seconds : 0;
    const bytesRate = seconds > 0 ? (latest.offset - startOffset) / seconds : 0;
    const left = bytesRate > 0 ? duration((size - latest.offset) / bytesRate) : "?";
    const share = size > 0 ? latest.offset / size : 1;
    const counts = `created ${number(earlier.created + latest.created)}, updated ${number(earlier.updated + latest.updated)}, unchanged ${number(earlier.unchanged + latest.unchanged)}, refused ${number(earlier.rejected + latest.rejected)}`;
    const figures = `${(share * 100).toFixed(1)}%  line ${number(latest.line)}  ${number(Math.round(rate))}/s  ${final ? `took ${duration(seconds)}` : `ETA ${left}`}`;
    if (tty) {
      const width = 24;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r\u001b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${figures}  ${counts}${final ? "\n" : ""}`,
      );
    } else if (final || performance.now() - lastPlain >= 10_000) {
      lastPlain = performance.now();
      log(`${figures}  ${counts}`);
    }
  };
  return {
    update: (progress: ImportProgress) => {
      latest = progress;
      draw(false);
    },
    finish: () => draw(true),
  };
}

const env = loadEnv();
const database = env.DATABASE_URL
  ? await openPostgres({ url: env.DATABASE_URL, max: 4 })
  : await openEmbeddedOrExit(env.DATA_DIR, "accounts:import");

// Ctrl-C or a stop signal: finish the batch being written, note how far, and end.
let stopping = false;
const stop = () => {
  if (stopping) process.exit(130);
  stopping = true;
  log("\nStopping after the batch being written (Ctrl-C again to stop at once)…");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

const checkpoint = readCheckpoint();
const from: ReadFrom = checkpoint ?? { line: 0, offset: 0 };
const earlier: ImportCounts = checkpoint?.counts ?? { created: 0, updated: 0, unchanged: 0, rejected: 0 };
let csvHeader = checkpoint?.header;
// Resuming: the lines refused up to where the earlier run got stay in the report; those after it are read again.
if (checkpoint && existsSync(reportPath)) {
  const kept = readFileSync(reportPath, "utf8")
    .split("\n")
    .filter((line) => line !== "" && (JSON.parse(line) as { line: number }).line <= checkpoint.line);
  writeFileSync(reportPath, kept.map((line) => `${line}\n`).join(""));
}
const report = createWriteStream(reportPath, { flags: checkpoint ? "a" : "w" });
let refused = earlier.rejected;

async function* untilStopped<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const item of items) {
    if (stopping) return;
    yield item;
  }
}

try {
  if ((await pendingMigrations(database.db)).length > 0) await database.migrate();
  const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${env.DATA_DIR}`;
  log(
    checkpoint
      ? `Resuming ${file} after line ${number(checkpoint.line)}, where an earlier run stopped (--restart reads it from the start), into ${where}.`
      : `Importing ${file} (${format}) into ${where}.`,
  );
  const progress = progressReporter(from.offset, earlier);
  const chunks = createReadStream(file, { start: from.offset, highWaterMark: 256 * 1024 });
  const items =
    format === "csv"
      ? readCsv(chunks, { ...from, onHeader: (names) => (csvHeader = names) })
      : readNdjson(chunks, from);
  const counts = await importAccounts(database.db, untilStopped(items), {
    actor: { ...SYSTEM_ACTOR, name: "accounts:import command" },
    origin: { requestId: null, ip: null },
    now: () => new Date(),
    ...(batchSize ? { batchSize } : {}),
    onRejected: async (rejection) => {
      refused += 1;
      if (!report.write(`${JSON.stringify(rejection)}\n`)) await once(report, "drain");
    },
    onProgress: (p) => {
      const total = {
        size,
        mtimeMs,
        line: p.line,
        offset: p.offset,
        ...(csvHeader ? { header: csvHeader } : {}),
        counts: {
          created: earlier.created + p.created,
          updated: earlier.updated + p.updated,
          unchanged: earlier.unchanged + p.unchanged,
          rejected: earlier.rejected + p.rejected,
        },
      } satisfies Checkpoint;
      // Written aside and renamed over the old note, so a kill mid-write never leaves half a note.
      if (p.line > from.line) {
        writeFileSync(`${checkpointPath}.tmp`, `${JSON.stringify(total)}\n`);
        renameSync(`${checkpointPath}.tmp`, checkpointPath);
      }
      progress.update(p);
    },
  });
  progress.finish();
  report.end();
  await once(report, "finish");
  const all = {
    created: earlier.created + counts.created,
    updated: earlier.updated + counts.updated,
    unchanged: earlier.unchanged + counts.unchanged,
  };
  if (stopping) {
    log("Stopped. Run the same command again to carry on from the last batch written.");
    process.exitCode = 130;
  } else {
    rmSync(checkpointPath, { force: true });
    rmSync(`${checkpointPath}.tmp`, { force: true });
    if (refused === 0) rmSync(reportPath, { force: true });
    log(
      `Done: ${number(all.created)} created, ${number(all.updated)} updated, ${number(all.unchanged)} unchanged, ${number(refused)} refused${refused > 0 ? ` (line numbers and reasons in ${reportPath})` : ""}.`,
    );
    process.exitCode = refused > 0 ? 3 : 0;
  }
} catch (error) {
  report.end();
  if (error instanceof ImportFileError) {
    log(`\n${error.message} Nothing more was read.`);
    process.exitCode = 2;
  } else {
    // A failed query's message carries its parameters (the batch's rows): the statement and the database's reason are told.
    const { message, cause } = safeError(error);
    log(`\nThe import stopped: ${message}${cause ? ` (${cause.message})` : ""}`);
    log("What was written before stays; run the same command again to carry on.");
    process.exitCode = 1;
  }
} finally {
  await database.close();
}
