import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Fixed-window counters shared by every API process (failed sign-ins, request rates). The table is
 * unlogged (migration 0010): counting a request never waits for a disk flush, and a crash only
 * empties the counters.
 */
export const rateLimitCounters = pgTable("rate_limit_counters", {
  /** What is counted, e.g. `login:ava.agent`. */
  key: text("key").primaryKey(),
  windowStartedAt: instant("window_started_at").notNull(),
  count: integer("count").notNull(),
});
