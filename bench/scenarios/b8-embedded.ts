import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { createApp } from "@recovery-desk/api";
import {
  type Database,
  type Db,
  MIGRATIONS_FOLDER,
  openPostgres,
  PGLITE_SETTINGS_SQL,
  pgliteExtensions,
} from "@recovery-desk/api/db";
import * as schema from "@recovery-desk/api/db/schema";
import { type AppDeps, DEFAULT_CONFIG } from "@recovery-desk/api/deps";
import { systemClock } from "@recovery-desk/api/lib/clock";
import { silentLogger } from "@recovery-desk/api/lib/logger";
import { outboxNotifier } from "@recovery-desk/api/notify/outbox";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { databaseName, databaseUrl, isSeeded, seed } from "../lib/seed.ts";
import { summarize, timeEach } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";
import { BENCH_PASSWORD, SIZES } from "../lib/world.ts";

const TABLES = ["staff", "accounts", "addresses", "security_questions"];

/**
 * B8: the embedded default. The account read (B1) and searches (B2) at concurrency 1, through the
 * whole app in this process, on PGlite and on the native server holding the same data (the quick
 * data set, copied into PGlite with COPY).
 */
export async function b8(ctx: BenchContext): Promise<ScenarioResult[]> {
  const size = SIZES.quick;
  if (!(await isSeeded(ctx.serverUrl, size))) await seed(ctx.serverUrl, size, ctx.log);
  const nativeUrl = databaseUrl(ctx.serverUrl, databaseName(size));

  const client = await PGlite.create({ extensions: await pgliteExtensions() });
  await client.exec(PGLITE_SETTINGS_SQL);
  const embeddedDb = drizzle({ client, schema });
  await migrate(embeddedDb, { migrationsFolder: MIGRATIONS_FOLDER });
  const source = postgres(nativeUrl, { max: 1, onnotice: () => {} });
  try {
    for (const table of TABLES) {
      const chunks: Buffer[] = [];
      await pipeline(
        await source.unsafe(`copy ${table} to stdout`).readable(),
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        }),
      );
      ctx.log(`  copied ${table} into PGlite`);
      await client.query(`copy ${table} from '/dev/blob'`, [], {
        blob: new Blob(chunks.map((c) => new Uint8Array(c))),
      });
    }
    await client.exec("analyze");
  } finally {
    await source.end();
  }
  const embedded: Database = {
    db: embeddedDb as unknown as Db,
    kind: "pglite",
    migrate: async () => {},
    ping: async () => {},
    close: () => client.close(),
  };
  const native = await openPostgres({ url: nativeUrl, max: 10 });

  try {
    const ids = sampleAccounts(size, 200, (a) => a.status === "active").map((s) => s.account);
    const terms = ids.flatMap((a) => [`${a.first} ${a.last}`, a.email, a.zip5, a.line1]);
    const runs = ctx.quick ? 150 : 400;
    const measureOn = async (database: Database, label: string) => {
      const deps: AppDeps = {
        database,
        clock: systemClock,
        logger: silentLogger,
        config: { ...DEFAULT_CONFIG, demo: false, rateLimits: { perStaffPerMinute: 1e9, perKeyPerMinute: 1e9 } },
        notifier: outboxNotifier(database.db, systemClock),
      };
      const app = createApp(deps);
      const login = await app.request("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "bench.agent", password: BENCH_PASSWORD }),
      });
      const cookie = /rd_session=[^;]*/.exec(login.headers.get("set-cookie") ?? "")?.[0] ?? "";
      const get = async (path: string) => {
        const res = await app.request(path, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status} on ${label}`);
        await res.arrayBuffer();
      };
      const read = (i: number) => get(`/api/v1/accounts/${ids[i % ids.length]?.id}`);
      const search = (i: number) =>
        get(`/api/v1/accounts?q=${encodeURIComponent(terms[i % terms.length] ?? "")}&limit=20`);
      await timeEach(30, read);
      await timeEach(30, search);
      return {
        read: summarize(`account read on ${label}`, await timeEach(runs, read)),
        search: summarize(`search on ${label}`, await timeEach(runs, search)),
      };
    };
    const onNative = await measureOn(native, "native PostgreSQL");
    ctx.log("  measured on native PostgreSQL");
    const onEmbedded = await measureOn(embedded, "PGlite");
    return (["read", "search"] as const).map((kind) => {
      const ratio = onEmbedded[kind].p50 / onNative[kind].p50;
      return resultRow({
        id: "B8",
        name: `embedded PGlite, ${kind === "read" ? "account read (B1)" : "search (B2)"} at concurrency 1`,
        measured: onEmbedded[kind],
        baseline: onNative[kind],
        ratio,
        target: "≤ 2.5× native (p50)",
        pass: ratio <= 2.5,
        note: `${size.accounts.toLocaleString("en-US")} accounts on both`,
      });
    });
  } finally {
    await native.close();
    await client.close();
  }
}
