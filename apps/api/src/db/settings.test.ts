import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestContext, type TestContext } from "../test/context.ts";
import { PGLITE_SETTINGS, SESSION_SETTINGS } from "./client.ts";
import { queryRows } from "./rows.ts";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function setting(name: string): Promise<string | undefined> {
  const [row] = await queryRows<{ value: string }>(t.database.db, sql`select current_setting(${name}) as value`);
  return row?.value;
}

describe("the settings every database connection starts with", () => {
  it("has the search threshold on every connection, not only the first", async () => {
    // Several at once, so a pool opens more than one connection.
    for (const [name, value] of Object.entries(SESSION_SETTINGS)) {
      const values = await Promise.all(Array.from({ length: 4 }, () => setting(name)));
      expect(values).toEqual(Array(4).fill(value));
    }
  });

  it.runIf(inject("testDatabase").kind === "pglite")(
    "has the embedded database plan with the cost of a random read it really has",
    async () => {
      expect(t.database.kind).toBe("pglite");
      for (const [name, value] of Object.entries(PGLITE_SETTINGS)) expect(await setting(name)).toBe(value);
    },
  );
});
