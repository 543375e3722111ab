import { AccountRecord, normalizeAnswer } from "@recovery-desk/shared";
import { asc, eq, inArray } from "drizzle-orm";
import type { Actor, RequestOrigin } from "../../audit/append.ts";
import type { Db } from "../../db/client.ts";
import { accounts, securityQuestions } from "../../db/schema/index.ts";
import type { FieldProblem } from "../../http/errors.ts";
import { unstorableText } from "../../http/router.ts";
import { verifySecret } from "../../security/hashing.ts";
import type { ImportItem } from "./import-formats.ts";
import { type PreparedAccount, prepareAccounts, writeAccounts } from "./sync.ts";

/**
 * Bulk import of accounts from the system of record, for `pnpm accounts:import` and
 * `POST /accounts/import`. Each line is checked with the account sync's schema; valid ones are
 * written in batches through the same code as the sync route (`prepareAccounts`, `writeAccounts`),
 * one transaction a batch with its audit events. Importing is idempotent by username: a record
 * that matches its account changes nothing and counts as `unchanged`, so running a file again —
 * or again after an interruption — creates no duplicates and loses nothing.
 *
 * Answers: a record whose questions are the ones on file (same prompts, and each answer verifies
 * against its stored hash) leaves them alone; otherwise its answers are hashed afresh on the
 * hashing threads. Either way argon2 runs on the pool, never on the event loop.
 */

export const IMPORT_BATCH = 500;

export interface ImportCounts {
  created: number;
  /** Accounts an import changed (any field, address or question). */
  updated: number;
  /** Accounts already exactly as the line says: nothing written. */
  unchanged: number;
  rejected: number;
}

export interface Rejection {
  line: number;
  errors: FieldProblem[];
}

export interface ImportProgress extends ImportCounts {
  /** The last line written or refused, and the byte just past it. */
  line: number;
  offset: number;
}

export interface ImportOptions {
  actor: Actor;
  origin: RequestOrigin;
  now: () => Date;
  batchSize?: number;
  /** Each refused line, as it is found (in order); nothing of it is written. */
  onRejected?: (rejection: Rejection) => void | Promise<void>;
  /** After each batch is committed: the counts so far and how far the input is done. */
  onProgress?: (progress: ImportProgress) => void | Promise<void>;
}

type Valid = { line: number; record: AccountRecord };

/** Checks one read line against the account record schema, as the sync route checks its body. */
export function validateImportItem(item: ImportItem): { record: AccountRecord } | { errors: FieldProblem[] } {
  if ("errors" in item) return { errors: item.errors };
  const parsed = AccountRecord.safeParse(item.value);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    };
  }
  const unstorable = unstorableText(parsed.data, []);
  return unstorable.length > 0 ? { errors: unstorable } : { record: parsed.data };
}

/** Batches written at once: while one waits on the database, the next is built. */
const IN_FLIGHT = 2;

/**
 * Imports the items in order. A username that comes again in the same batch closes the batch
 * first, so a later line wins as it would line by line. Up to two batches are written at once
 * (never two holding the same username), while the next is read, checked and hashed; progress is
 * reported in file order, each batch once it and every batch before it are committed.
 */
export async function importAccounts(
  db: Db,
  items: AsyncIterable<ImportItem>,
  options: ImportOptions,
): Promise<ImportCounts> {
  const size = options.batchSize ?? IMPORT_BATCH;
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  let batch: Valid[] = [];
  let names = new Set<string>();
  let refused = 0;
  let last = { line: 0, offset: 0 };
  const writing = new Set<{ names: Set<string>; done: Promise<unknown> }>();
  let reported: Promise<void> = Promise.resolve();

  const write = async (prepared: PreparedAccount[]) => {
    const batchCounts = { created: 0, updated: 0, unchanged: 0 };
    if (prepared.length === 0) return batchCounts;
    const now = options.now();
    const results = await db.transaction((tx) =>
      writeAccounts(tx, prepared, { now, actor: options.actor, origin: options.origin }),
    );
    for (const r of results) {
      if (r.created) batchCounts.created += 1;
      else if (r.changed.length > 0) batchCounts.updated += 1;
      else batchCounts.unchanged += 1;
    }
    return batchCounts;
  };

  const flush = async () => {
    const current = { names, records: batch.map((v) => v.record), refused, upTo: last };
    batch = [];
    names = new Set();
    refused = 0;
    const prepared = await prepareAccounts(await keepUnchangedQuestions(db, current.records));
    const clashes = () => [...writing].some((w) => [...current.names].some((n) => w.names.has(n)));
    while (writing.size >= IN_FLIGHT || clashes()) await Promise.race([...writing].map((w) => w.done));
    const done = write(prepared);
    const entry = { names: current.names, done: done.finally(() => writing.delete(entry)) };
    writing.add(entry);
    reported = Promise.all([reported, done]).then(async ([, batchCounts]) => {
      counts.created += batchCounts.created;
      counts.updated += batchCounts.updated;
      counts.unchanged += batchCounts.unchanged;
      counts.rejected += current.refused;
      await options.onProgress?.({ ...counts, ...current.upTo });
    });
    // A failure surfaces from `reported` (awaited at the end) or the race above; not unhandled meanwhile.
    entry.done.catch(() => {});
    reported.catch(() => {});
  };

  for await (const item of items) {
    const checked = validateImportItem(item);
    if ("errors" in checked) {
      refused += 1;
      await options.onRejected?.({ line: item.line, errors: checked.errors });
    } else {
      const name = checked.record.username.toLowerCase();
      if (names.has(name)) await flush();
      names.add(name);
      batch.push({ line: item.line, record: checked.record });
    }
    last = { line: item.line, offset: item.offset };
    if (batch.length >= size) await flush();
  }
  await flush();
  await Promise.allSettled([...writing].map((w) => w.done));
  await reported;
  return counts;
}

/**
 * The records, with `securityQuestions` left out where they are the questions already on file:
 * the same prompts in the same order, each answer verifying against its stored hash (on the
 * hashing threads, as long as hashing would take). Left out, the questions on file are kept, so a
 * re-import neither rehashes nor counts them as changed.
 */
async function keepUnchangedQuestions(db: Db, records: AccountRecord[]): Promise<AccountRecord[]> {
  const asked = records.filter((r) => r.securityQuestions && r.securityQuestions.length > 0);
  if (asked.length === 0) return records;
  const rows = await db
    .select({ username: accounts.username, prompt: securityQuestions.prompt, answerHash: securityQuestions.answerHash })
    .from(securityQuestions)
    .innerJoin(accounts, eq(accounts.id, securityQuestions.accountId))
    .where(
      inArray(
        accounts.username,
        asked.map((r) => r.username),
      ),
    )
    .orderBy(asc(securityQuestions.accountId), asc(securityQuestions.position));
  const onFile = new Map<string, { prompt: string; answerHash: string }[]>();
  for (const row of rows) {
    const key = row.username.toLowerCase();
    onFile.set(key, [...(onFile.get(key) ?? []), row]);
  }
  return Promise.all(
    records.map(async (record) => {
      const wanted = record.securityQuestions;
      const stored = onFile.get(record.username.toLowerCase());
      if (!wanted || !stored || stored.length !== wanted.length) return record;
      if (!wanted.every((q, i) => q.prompt === stored[i]?.prompt)) return record;
      const same = await Promise.all(
        wanted.map((q, i) => verifySecret(stored[i]?.answerHash ?? "", normalizeAnswer(q.answer))),
      );
      if (!same.every(Boolean)) return record;
      const { securityQuestions: _kept, ...rest } = record;
      return rest;
    }),
  );
}
