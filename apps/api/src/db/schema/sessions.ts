import { index, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

/** Staff sessions. Only the SHA-256 of the cookie token is stored. */
export const sessions = pgTable(
  "sessions",
  {
    /** Hex SHA-256 of the session token; the token itself lives only in the browser's cookie. */
    id: text("id").primaryKey(),
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    createdAt: instant("created_at").notNull(),
    /** The absolute limit: the session ends then whatever happens. */
    expiresAt: instant("expires_at").notNull(),
    /** Moves forward with use; the session ends when idle past it. */
    idleExpiresAt: instant("idle_expires_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index().on(t.staffId), index().on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;
