import type { SweepResult } from "@recovery-desk/shared";
import { and, count, eq, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../../db/schema/index.ts";
import { DAY } from "../../lib/clock.ts";
import { eventsOf } from "../../test/audit.ts";
import { createTestContext, type TestContext } from "../../test/context.ts";
import { runInactivitySweep } from "./inactivity-sweep.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const activeCount = async () =>
  (await t.database.db.select({ n: count() }).from(accounts).where(eq(accounts.status, "active")))[0]?.n ?? 0;

describe("the inactivity sweep", () => {
  it("finds nothing to do in a world where every active account was used recently", async () => {
    expect(await runInactivitySweep(t.deps)).toEqual({ ran: true, deactivated: 0, batches: 1 });
  });

  it("deactivates accounts idle for three years, in batches, audited by the system", async () => {
    t.clock.advance(3 * 365 * DAY - 200 * DAY);
    const cutoff = new Date(t.clock.now().getTime() - 3 * 365 * DAY);
    const [due] = await t.database.db
      .select({ n: count() })
      .from(accounts)
      .where(and(eq(accounts.status, "active"), lt(accounts.lastActivityAt, cutoff)));
    expect(due?.n).toBeGreaterThan(5);
    const before = await activeCount();
    const result = await runInactivitySweep(t.deps, { batchSize: 4 });
    expect(result.deactivated).toBe(due?.n);
    expect(result.batches).toBe(Math.floor((due?.n ?? 0) / 4) + 1);
    expect(await activeCount()).toBe(before - (due?.n ?? 0));
    const events = await eventsOf(t.database.db, "account.deactivated");
    expect(
      events.filter((e) => e.actorName === "inactivity sweep" && e.occurredAt.getTime() === t.clock.now().getTime()),
    ).toHaveLength(due?.n ?? 0);
  });

  it("does nothing more when run again", async () => {
    expect(await runInactivitySweep(t.deps)).toMatchObject({ deactivated: 0 });
  });

  it("deactivates each account once when two sweeps run at the same time", async () => {
    t.clock.advance(100 * DAY);
    const before = (await eventsOf(t.database.db, "account.deactivated")).length;
    const [a, b] = await Promise.all([
      runInactivitySweep(t.deps, { batchSize: 3 }),
      runInactivitySweep(t.deps, { batchSize: 3 }),
    ]);
    const events = await eventsOf(t.database.db, "account.deactivated");
    const added = events.slice(before);
    expect(new Set(added.map((e) => e.accountId)).size).toBe(added.length);
    expect((a as SweepResult).deactivated + (b as SweepResult).deactivated).toBe(added.length);
    expect(await runInactivitySweep(t.deps)).toMatchObject({ deactivated: 0 });
  });

  it("runs on demand for an admin", async () => {
    const admin = await t.signIn("ada.admin");
    const res = await t.request("/api/v1/admin/inactivity-sweep", { method: "POST", cookie: admin });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ran: true, deactivated: 0, batches: 1 });
  });
});
