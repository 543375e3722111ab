import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Extensions } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
// The driver carries a patch (patches/postgres@3.4.9.patch): a connection that PostgreSQL ends in
// the middle of a transaction fails its queries instead of throwing from a timer and ending the process.
import postgres, { type Sql } from "postgres";
import { lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, as passed to `db.transaction(async (tx) => …)`. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either a database or a transaction: what query helpers accept. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies the committed SQL migrations (idempotent). */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** How busy the connection pool is right now (PostgreSQL only; the embedded database has one connection). */
  pool?(): PoolUse;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

/**
 * The embedded database's extensions. The embedded database is loaded only when it is used: on
 * PostgreSQL the API never holds its code in memory.
 */
export async function pgliteExtensions() {
  const [{ citext }, { fuzzystrmatch }, { pg_trgm }, { unaccent }] = await Promise.all([
    import("@electric-sql/pglite/contrib/citext"),
    import("@electric-sql/pglite/contrib/fuzzystrmatch"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("@electric-sql/pglite/contrib/unaccent"),
  ]);
  return { citext, pg_trgm, unaccent, fuzzystrmatch } satisfies Extensions;
}

/**
 * Settings every connection starts with, on both databases. The search asks pg_trgm's `<%` for
 * names and streets that come this close to the term (0–1): 0.45 lets one swapped pair of letters
 * through ("1200 Mian St" finds "1200 N Main St"). A connection setting, so a search is one
 * statement rather than a transaction around `SET LOCAL`.
 */
export const SESSION_SETTINGS = {
  "pg_trgm.word_similarity_threshold": "0.45",
} as const satisfies Record<string, string>;

/**
 * The embedded database's settings, taken once by its single connection: the session settings,
 * and the planner's cost of a random page read. PostgreSQL's default (4, for spinning disks) makes
 * the planner read a table of tens of thousands of accounts whole rather than use the trigram
 * index, which in PGlite's WebAssembly build is 9 times slower for a name or a street. 1.1 is the
 * usual value for storage where a random read costs about what a sequential one does.
 */
export const PGLITE_SETTINGS = {
  ...SESSION_SETTINGS,
  random_page_cost: "1.1",
} as const satisfies Record<string, string>;

/** `PGLITE_SETTINGS` as SQL. */
export const PGLITE_SETTINGS_SQL = Object.entries(PGLITE_SETTINGS)
  .map(([name, value]) => `set ${name} = ${value};`)
  .join("\n");

export interface PgliteOptions {
  /** A folder to keep the data in; in memory when absent. */
  dataDir?: string;
  /** A data folder dump (from `dumpDataDir`) to start from, for tests. */
  loadDataDir?: Blob;
}

/** The embedded database can also dump its data folder, which tests use to start from a prepared copy. */
export interface EmbeddedDatabase extends Database {
  dumpDataDir(): Promise<Blob>;
}

/**
 * Opens the embedded database, in memory or in a data folder. A data folder is locked for as long
 * as the database is open: a second process on the same folder gets `DataDirInUseError`.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<EmbeddedDatabase> {
  if (!options.dataDir) return openPgliteClient(options);
  mkdirSync(options.dataDir, { recursive: true });
  const lock = lockDataDir(options.dataDir);
  try {
    const database = await openPgliteClient(options);
    return {
      ...database,
      close: async () => {
        try {
          await database.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPgliteClient(options: PgliteOptions): Promise<EmbeddedDatabase> {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }, extensions] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
    pgliteExtensions(),
  ]);
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions,
    relaxedDurability: false,
  });
  await client.exec(PGLITE_SETTINGS_SQL);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir("gzip"),
  };
}

/**
 * Drizzle turns Dates into text for typed columns but leaves a Date inside raw `sql` as it is,
 * which the postgres driver cannot send. After drizzle has set its own (pass-through) serializers,
 * this one sends Dates as ISO text, as PGlite already does.
 */
function acceptDatesInRawSql(client: Sql): void {
  const serializers = client.options.serializers as Record<number, (value: unknown) => unknown>;
  for (const oid of [1082, 1114, 1184]) {
    serializers[oid] = (value) => (value instanceof Date ? value.toISOString() : value);
  }
}

/**
 * Has drizzle's statements prepared once per connection. Drizzle asks postgres.js not to prepare
 * them, and postgres.js then spends two round trips on each statement that has parameters (it
 * describes the statement first) while PostgreSQL parses and plans it anew every time. Every
 * statement the API sends is parameterised text that comes from the code, never from input, so the
 * set of statements is small and fixed, and each connection keeps its prepared copies until it is
 * closed. Transactions and savepoints get the same treatment.
 */
export function preparingStatements(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      switch (property) {
        case "unsafe":
          return (query: string, args?: unknown[], options?: Record<string, unknown>) =>
            target.unsafe(query, args as never, { ...options, prepare: true });
        case "begin":
        case "savepoint":
          return (...args: unknown[]) => {
            const callback = args.pop() as (scoped: Sql) => unknown;
            const method = Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>;
            return method.call(target, ...args, (scoped: Sql) => callback(preparingStatements(scoped)));
          };
        default:
          return Reflect.get(target, property, receiver);
      }
    },
  });
}

/** The pool's size, the connections a query or transaction holds, and the queries waiting for one. */
export interface PoolUse {
  size: number;
  inUse: number;
  waiting: number;
}

/**
 * Counts the statements and transactions under way on a pool. The driver does not tell, so a
 * statement counts from when it is awaited (the driver sends it only then) until it settles, and
 * a transaction from its start to its end; more than the pool's size means the rest are waiting.
 */
function countingUse(client: Sql, counter: { running: number }): Sql {
  /** Counts one more under way; the answer counts it off, once. */
  const start = () => {
    counter.running++;
    let done = false;
    return () => {
      if (!done) counter.running--;
      done = true;
    };
  };
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (...args: unknown[]) => {
          const query = (target.unsafe as (...a: unknown[]) => PromiseLike<unknown>)(...args);
          const then = query.then.bind(query);
          // biome-ignore lint/suspicious/noThenProperty: the statement stays the driver's thenable; awaiting it is counted
          Object.defineProperty(query, "then", {
            value: (onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) => {
              const finish = start();
              return then(
                (value) => {
                  finish();
                  return onFulfilled ? onFulfilled(value) : value;
                },
                (reason) => {
                  finish();
                  if (onRejected) return onRejected(reason);
                  throw reason;
                },
              );
            },
          });
          return query;
        };
      }
      if (property === "begin") {
        return async (...args: unknown[]) => {
          const finish = start();
          try {
            return await (Reflect.get(target, property, receiver) as (...a: unknown[]) => Promise<unknown>).apply(
              target,
              args,
            );
          } finally {
            finish();
          }
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

export interface PostgresOptions {
  url: string;
  /** Connections in the pool. */
  max?: number;
  /** Milliseconds a statement may run before PostgreSQL cancels it. */
  statementTimeoutMs?: number;
}

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const client = postgres(options.url, {
    max: options.max ?? 10,
    // While PostgreSQL is down or restarting, a request should fail fast (503) and the pool should
    // reconnect as soon as it is back. The driver's own backoff grows to 20 seconds after a few
    // failed connects, which held requests that long and delayed recovery just as much.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    connect_timeout: 5,
    onnotice: () => {},
    connection: {
      application_name: "recovery-desk",
      ...SESSION_SETTINGS,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
  const use = { running: 0 };
  const db = drizzlePostgres({ client: countingUse(preparingStatements(client), use), schema }) as unknown as Db;
  acceptDatesInRawSql(client);
  const size = options.max ?? 10;
  return {
    db,
    kind: "postgres",
    migrate: async () => {
      // Several API processes may start at once: one migrates while the others wait on the lock.
      const single = postgres(options.url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(7267351)`;
        await migratePostgres(drizzlePostgres({ client: single, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    ping: async () => {
      await client`select 1`;
    },
    pool: () => ({ size, inUse: Math.min(use.running, size), waiting: Math.max(0, use.running - size) }),
    close: () => client.end({ timeout: 5 }),
  };
}
