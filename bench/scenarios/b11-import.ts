import { createReadStream, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { openPostgres } from "@recovery-desk/api/db";
import { demoImportRecords } from "@recovery-desk/api/demo/import-file";
import { importAccounts } from "@recovery-desk/api/features/accounts/import";
import { readNdjson } from "@recovery-desk/api/features/accounts/import-formats";
import { hashSecret } from "@recovery-desk/api/security/hashing";
import { normalizeAnswer } from "@recovery-desk/shared";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { resultRow } from "../lib/result.ts";
import { round } from "../lib/stats.ts";
import type { Measurement, ScenarioResult } from "../lib/types.ts";

const TEMPLATE = "rd_bench_import_template";
const TARGET = "rd_bench_import";

const databaseUrl = (serverUrl: string, name: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

/** An empty, migrated database for one import, copied from a template migrated once. */
async function freshDatabase(ctx: BenchContext, newTemplate = false): Promise<string> {
  const admin = postgres(ctx.serverUrl, { max: 1, onnotice: () => {} });
  try {
    // The first database of a run gets a new template, so it has the migrations of this commit.
    if (newTemplate) await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    const [template] = await admin`select 1 from pg_database where datname = ${TEMPLATE}`;
    if (!template) {
      await admin.unsafe(`create database ${TEMPLATE}`);
      const db = await openPostgres({ url: databaseUrl(ctx.serverUrl, TEMPLATE), max: 1 });
      await db.migrate();
      await db.close();
    }
    await admin.unsafe(`drop database if exists ${TARGET} with (force)`);
    await admin.unsafe(`create database ${TARGET} template ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(ctx.serverUrl, TARGET);
}

/** Imports the file into a fresh database as `pnpm accounts:import` does, timing it. */
async function timedImport(ctx: BenchContext, file: string, lines: number, newTemplate = false) {
  const url = await freshDatabase(ctx, newTemplate);
  const database = await openPostgres({ url, max: 4 });
  try {
    const started = performance.now();
    const counts = await importAccounts(
      database.db,
      readNdjson(createReadStream(file, { highWaterMark: 256 * 1024 })),
      {
        actor: { type: "system", id: null, name: "bench import" },
        origin: { requestId: null, ip: null },
        now: () => new Date(),
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (counts.created !== lines) throw new Error(`the import created ${counts.created} of ${lines} accounts`);
    return { url, seconds };
  } finally {
    await database.close();
  }
}

const rate = (label: string, count: number, seconds: number, extra?: Measurement["extra"]): Measurement => ({
  label,
  p50: 0,
  p95: 0,
  p99: 0,
  throughput: round(count / seconds),
  extra: { seconds: round(seconds, 3), ...extra },
});

/**
 * B11: `pnpm accounts:import` of the demo generator's accounts into an empty database. Without
 * answers against a bare `COPY … FROM STDIN` of the very rows the import wrote (accounts and
 * addresses, into the same empty, indexed tables); with answers against bare argon2 hashing of the
 * same number of answers on the same hashing pool, all queued at once.
 */
export async function b11(ctx: BenchContext): Promise<ScenarioResult[]> {
  const plain = ctx.quick ? 10_000 : 100_000;
  const answered = ctx.quick ? 300 : 2_000;

  const plainFile = join(ctx.workDir, `import-${plain}.ndjson`);
  writeFileSync(
    plainFile,
    `${demoImportRecords(plain, { answers: false })
      .map((r) => JSON.stringify(r))
      .join("\n")}\n`,
  );
  const answeredRecords = demoImportRecords(answered);
  const answeredFile = join(ctx.workDir, `import-${answered}-answers.ndjson`);
  writeFileSync(answeredFile, `${answeredRecords.map((r) => JSON.stringify(r)).join("\n")}\n`);

  // Without answers, and the same rows copied back in.
  const { url, seconds } = await timedImport(ctx, plainFile, plain, true);
  ctx.log(`  imported ${plain.toLocaleString("en-US")} accounts without answers in ${round(seconds, 2)} s`);
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const dumped: Record<string, Buffer[]> = { accounts: [], addresses: [] };
  try {
    for (const table of Object.keys(dumped)) {
      const source = await sql.unsafe(`copy ${table} to stdout`).readable();
      // The copy's stream closes without always ending, so both are awaited.
      await new Promise((resolve, reject) => {
        source.on("data", (chunk: Buffer) => dumped[table]?.push(chunk));
        source.on("end", resolve);
        source.on("close", resolve);
        source.on("error", reject);
      });
    }
  } finally {
    await sql.end();
  }
  const copyUrl = await freshDatabase(ctx);
  const copySql = postgres(copyUrl, { max: 1, onnotice: () => {} });
  let copySeconds: number;
  try {
    const started = performance.now();
    for (const [table, chunks] of Object.entries(dumped)) {
      const target = await copySql.unsafe(`copy ${table} from stdin`).writable();
      await pipeline(async function* () {
        yield* chunks;
      }, target);
    }
    copySeconds = (performance.now() - started) / 1000;
  } finally {
    await copySql.end();
  }

  // With answers, and bare hashing of as many answers.
  const answers = answeredRecords.flatMap((r) => (r.securityQuestions ?? []).map((q) => normalizeAnswer(q.answer)));
  const hashStarted = performance.now();
  await Promise.all(answers.map((a) => hashSecret(a)));
  const hashSeconds = (performance.now() - hashStarted) / 1000;
  const withAnswers = await timedImport(ctx, answeredFile, answered);

  const plainRate = rate(`accounts/s, ${plain.toLocaleString("en-US")} without answers`, plain, seconds);
  const copyRate = rate("bare COPY of the same account and address rows", plain, copySeconds);
  const answeredRate = rate(
    `accounts/s, ${answered.toLocaleString("en-US")} with two answers each`,
    answered,
    withAnswers.seconds,
  );
  const hashRate = rate(
    `bare argon2 of the same ${answers.length.toLocaleString("en-US")} answers, same pool`,
    answered,
    hashSeconds,
    {
      hashes: answers.length,
    },
  );
  const plainRatio = plainRate.throughput / copyRate.throughput;
  const answeredRatio = answeredRate.throughput / hashRate.throughput;
  return [
    resultRow({
      id: "B11",
      name: "account import without answers",
      measured: plainRate,
      baseline: copyRate,
      ratio: plainRatio,
      target: "accounts/s ≥ 0.25× COPY",
      pass: plainRatio >= 0.25,
      note: "The import checks each line with the sync schema, normalises names and addresses (USPS keys), looks the batch's usernames up in one query, and writes the batch's new accounts, addresses and audit events (one each, a chained hash) with one statement a table, the rows as one JSON parameter, in transactions of 500; COPY writes the finished account and address rows. A CPU profile of the import shows the Node thread busy about 70% of the time, most of it normalising addresses, then garbage collection and making the JSON.",
    }),
    resultRow({
      id: "B11",
      name: "account import with answers",
      measured: answeredRate,
      baseline: hashRate,
      ratio: answeredRatio,
      target: "accounts/s ≥ 0.8× bare argon2",
      pass: answeredRatio >= 0.8,
    }),
  ];
}
