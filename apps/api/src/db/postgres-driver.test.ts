import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { fromDatabaseError } from "../http/database-errors.ts";
import { openPostgres } from "./client.ts";

describe.runIf(inject("testDatabase").kind === "postgres")("the postgres driver", () => {
  it("survives PostgreSQL ending a connection in the middle of a transaction, and the pool goes on", async () => {
    const source = inject("testDatabase");
    if (source.kind !== "postgres") return;
    const database = await openPostgres({ url: source.adminUrl, max: 2 });
    const admin = postgres(source.adminUrl, { max: 1, onnotice: () => {} });
    try {
      const transaction = database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('application_name', 'rd-driver-test', false)`);
        await tx.execute(sql`select pg_sleep(10)`);
      });
      const failed = transaction.then(
        () => null,
        (error: unknown) => error,
      );
      let pid: number | undefined;
      for (let i = 0; i < 100 && pid === undefined; i++) {
        const [row] = await admin<{ pid: number }[]>`
          select pid from pg_stat_activity where application_name = 'rd-driver-test' and state = 'active'`;
        pid = row?.pid;
        if (pid === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      expect(pid).toBeDefined();
      await admin`select pg_terminate_backend(${pid ?? 0})`;

      // The transaction fails as "database unavailable" (503) — and the driver's ROLLBACK on the
      // dead connection no longer throws from a timer, which used to end the process.
      expect(fromDatabaseError(await failed)?.code).toBe("unavailable");
      await new Promise((r) => setTimeout(r, 300));
      // Both connections of the pool answer again, the one that was ended included.
      await Promise.all([database.ping(), database.ping()]);
      await expect(database.db.transaction(async (tx) => tx.execute(sql`select 1`))).resolves.toBeDefined();
    } finally {
      await database.close();
      await admin.end();
    }
  });
});
