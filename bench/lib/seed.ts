import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { eventHash, GENESIS_HASH } from "@recovery-desk/api/audit/canonical";
import { MIGRATIONS_FOLDER, openPostgres } from "@recovery-desk/api/db";
import { accounts, addresses, auditEvents, securityQuestions } from "@recovery-desk/api/db/schema";
import { seededStatusReason } from "@recovery-desk/api/demo/personas";
import { hashSecret } from "@recovery-desk/api/security/hashing";
import { normalizeAnswer } from "@recovery-desk/shared";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { Progress } from "./progress.ts";
import {
  ACTOR_STAFF,
  accountId,
  actorStaffId,
  addressId,
  BENCH_ANSWERS,
  BENCH_PASSWORD,
  BENCH_STAFF,
  type BenchSize,
  benchAccount,
  benchEvent,
  benchQuestions,
  nameSearchOf,
  normalizedAddressOf,
  questionId,
  usernameStem,
} from "./world.ts";

/** Tables the load fills, with the secondary indexes dropped during the load and built after it. */
const LOADED_TABLES = [accounts, addresses, securityQuestions, auditEvents].map(getTableName);

/**
 * What the data set depends on: the size, the generator and the migrations. A database whose
 * comment carries the same fingerprint is reused as it is.
 */
export function seedFingerprint(size: BenchSize): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify(size));
  hash.update(readFileSync(new URL("./world.ts", import.meta.url)));
  hash.update(readFileSync(new URL("./seed.ts", import.meta.url)));
  for (const file of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (file.endsWith(".sql")) hash.update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return `recovery-desk bench ${hash.digest("hex").slice(0, 16)}`;
}

export const databaseName = (size: BenchSize) => `rd_bench_${size.name}`;

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Whether `name` on the server already holds the data set for `size`. */
export async function isSeeded(serverUrl: string, size: BenchSize): Promise<boolean> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin<{ comment: string | null }[]>`
      select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${databaseName(size)}`;
    return row?.comment === seedFingerprint(size);
  } finally {
    await admin.end();
  }
}

/**
 * Creates the database afresh and fills it with the deterministic data set: staff, accounts with
 * addresses and security questions, and a hash-chained audit trail, streamed with COPY while the
 * secondary indexes are off, then indexed, vacuumed and analysed.
 */
export async function seed(serverUrl: string, size: BenchSize, log: (line: string) => void): Promise<void> {
  const name = databaseName(size);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();

  const url = databaseUrl(serverUrl, name);
  const database = await openPostgres({ url, max: 2 });
  await database.migrate();
  await database.close();

  // Foreign-key triggers are skipped for the bulk load: every reference is generated valid.
  const sql = postgres(url, { max: 3, onnotice: () => {}, connection: { session_replication_role: "replica" } });
  try {
    const indexes = await sql<{ name: string; definition: string }[]>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and tablename in ${sql(LOADED_TABLES)}
        and indexname not in (select conname from pg_constraint)`;
    for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);

    await seedStaff(sql);
    await seedAccounts(sql, size);
    await seedEvents(sql, size);

    const progress = new Progress("indexes", indexes.length);
    // Two at a time: one core builds while the other reads.
    const queue = [...indexes];
    await Promise.all(
      [0, 1].map(async () => {
        for (let index = queue.shift(); index; index = queue.shift()) {
          await sql.unsafe(index.definition);
          progress.tick(1, index.name);
        }
      }),
    );
    progress.done();
    log("vacuum and analyse");
    await sql.unsafe("vacuum (analyze, freeze)");
    await sql.unsafe(`comment on database ${name} is '${seedFingerprint(size)}'`);
  } finally {
    await sql.end();
  }
}

async function seedStaff(sql: postgres.Sql): Promise<void> {
  const passwordHash = await hashSecret(BENCH_PASSWORD);
  const now = new Date().toISOString();
  const rows = [
    ...BENCH_STAFF.map((s) => ({ id: `stf_${s.username.replace(".", "_")}`, username: s.username, role: s.role })),
    ...Array.from({ length: ACTOR_STAFF }, (_, n) => ({ id: actorStaffId(n), username: `agent.${n}`, role: "agent" })),
  ].map((s) => ({
    ...s,
    display_name: s.username,
    password_hash: passwordHash,
    created_at: now,
    updated_at: now,
  }));
  await sql`insert into staff ${sql(rows)}`;
}

async function seedAccounts(sql: postgres.Sql, size: BenchSize): Promise<void> {
  const answerHashes = new Map<string, string>();
  const distinct = [...new Set(Object.values(BENCH_ANSWERS).flatMap((answers) => answers.map(normalizeAnswer)))];
  await Promise.all(distinct.map(async (a) => answerHashes.set(a, await hashSecret(a))));

  const now = Date.now();
  const taken = new Map<string, number>();
  const progress = new Progress("accounts", size.accounts);
  const flushEvery = 5_000;

  const accountsCopy = copyWriter(sql, accounts);
  const addressesCopy = copyWriter(sql, addresses);
  const questionsCopy = copyWriter(sql, securityQuestions);

  const day = 86_400_000;
  for (let i = 0; i < size.accounts; i++) {
    const a = benchAccount(i);
    const stem = usernameStem(a);
    const seen = taken.get(stem) ?? 0;
    taken.set(stem, seen + 1);
    const username = seen === 0 ? stem : `${stem}${seen}`;
    const created = iso(now - (40 + (i % 3_000)) * day);
    const lockedAt = a.status === "locked" ? iso(now - 10 * 60_000) : null;
    const lastActivity = a.status === "deactivated" ? iso(now - 4 * 365 * day) : iso(now - (i % 300) * day);
    accountsCopy.add({
      id: a.id,
      username,
      firstName: a.first,
      lastName: a.last,
      displayName: `${a.first} ${a.last}`,
      nameSearch: nameSearchOf(a),
      email: a.email,
      emailVerified: "t",
      phone: a.phone,
      phoneVerified: a.phone ? "t" : "f",
      status: a.status,
      statusReason: seededStatusReason(a.status),
      lockKind: a.status === "locked" ? (a.hardLock ? "hard" : "temporary") : null,
      lockedAt,
      lockedUntil: a.status === "locked" && !a.hardLock ? iso(now + 30 * 60_000) : null,
      failedLoginCount: a.status === "locked" ? "5" : "0",
      failedLoginWindowStartedAt: lockedAt,
      lastActivityAt: lastActivity,
      deactivatedAt: a.status === "deactivated" ? iso(now - 365 * day) : null,
      createdAt: created,
      updatedAt: created,
    });
    const normalized = normalizedAddressOf(a);
    addressesCopy.add({
      id: addressId(i),
      accountId: a.id,
      kind: "home",
      line1: a.line1,
      line2: a.line2,
      city: a.city,
      state: a.state,
      zip5: a.zip5,
      streetKey: normalized.street,
      addressKey: normalized.key,
      createdAt: created,
      updatedAt: created,
    });
    benchQuestions(i).forEach((q, index) => {
      questionsCopy.add({
        id: questionId(i, index + 1),
        accountId: accountId(i),
        position: String(index + 1),
        prompt: q.prompt,
        answerHash: answerHashes.get(normalizeAnswer(q.answer)) ?? "",
        createdAt: created,
        updatedAt: created,
      });
    });
    if (accountsCopy.pending >= flushEvery || i === size.accounts - 1) {
      await Promise.all([accountsCopy.flush(), addressesCopy.flush(), questionsCopy.flush()]);
      progress.tick(flushEvery);
    }
  }
  await Promise.all([accountsCopy.end(), addressesCopy.end(), questionsCopy.end()]);
  progress.done();
}

async function seedEvents(sql: postgres.Sql, size: BenchSize): Promise<void> {
  // The trail ends a minute ago, so events the API appends during the run come after it.
  const end = new Date(Date.now() - 60_000);
  const progress = new Progress("audit events", size.events);
  const copy = copyWriter(sql, auditEvents);
  let prevHash = GENESIS_HASH;
  let last = { seq: 0, occurredAt: end };
  for (let seq = 1; seq <= size.events; seq++) {
    const event = benchEvent(seq, size, end);
    const hash = eventHash({ ...event, prevHash });
    copy.add({
      ...event,
      seq: String(seq),
      occurredAt: event.occurredAt.toISOString(),
      details: JSON.stringify(event.details),
      prevHash,
      hash,
    });
    prevHash = hash;
    last = { seq, occurredAt: event.occurredAt };
    if (copy.pending >= 10_000 || seq === size.events) {
      await copy.flush();
      progress.tick(10_000);
    }
  }
  await copy.end();
  progress.done();
  await sql`update audit_chain_head set seq = ${last.seq}, hash = ${prevHash}, occurred_at = ${last.occurredAt.toISOString()} where id = 1`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** One line of COPY's text format; the generated values hold no tabs, newlines or backslashes. */
function line(values: (string | null)[]): string {
  return `${values.map((v) => (v === null ? "\\N" : v.replace(/[\\\t\n\r]/g, " "))).join("\t")}\n`;
}

/** A row for COPY: the table's fields as the schema names them, each in COPY's text form. */
type CopyRow<T extends PgTable> = { [K in keyof T["$inferInsert"]]: string | null };

/**
 * A COPY … FROM STDIN stream into `table`: rows are added, then flushed in chunks, and a flush
 * waits when the server falls behind. The columns are the fields of the first row added, named
 * as the schema names them; every row has the same fields.
 */
function copyWriter<T extends PgTable>(sql: postgres.Sql, table: T) {
  const columns: Record<string, { name: string }> = getTableColumns(table);
  let fields: string[] | undefined;
  let lines: string[] = [];
  const chunks: string[] = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let done: Promise<void> = Promise.resolve();
  const source = new Readable({
    read() {
      const next = chunks.shift();
      if (next !== undefined) this.push(next);
      else if (ended) this.push(null);
      else {
        wake = () => {
          wake = undefined;
          const chunk = chunks.shift();
          this.push(chunk === undefined ? null : chunk);
        };
      }
    },
  });
  const start = (rowFields: string[]) => {
    const names = rowFields.map((field) => {
      const column = columns[field];
      if (!column) throw new Error(`${getTableName(table)} has no field ${field}`);
      return column.name;
    });
    done = (async () => {
      const target = await sql.unsafe(`copy ${getTableName(table)} (${names.join(", ")}) from stdin`).writable();
      await pipeline(source, target);
    })();
    return rowFields;
  };
  // Keeps at most a few chunks in memory: the generator waits for the server.
  const drained = async () => {
    while (chunks.length > 4) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    add(row: CopyRow<T>) {
      const values: Record<string, string | null | undefined> = row;
      fields ??= start(Object.keys(row));
      lines.push(line(fields.map((field) => values[field] ?? null)));
    },
    /** Rows added since the last flush. */
    get pending() {
      return lines.length;
    },
    async flush() {
      if (lines.length === 0) return;
      chunks.push(lines.join(""));
      lines = [];
      wake?.();
      await drained();
    },
    async end() {
      await this.flush();
      ended = true;
      wake?.();
      await done;
    },
  };
}
