import { ROLES } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { check, pgTable, text } from "drizzle-orm/pg-core";
import { citext, instant, timestamps } from "./columns.ts";

/** People who use the console: agents, supervisors and admins. */
export const staff = pgTable(
  "staff",
  {
    id: text("id").primaryKey(),
    username: citext("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** argon2id hash (PHC string) of the password. */
    passwordHash: text("password_hash").notNull(),
    /** Set when an admin disables the person; their sessions end at once. */
    disabledAt: instant("disabled_at"),
    ...timestamps,
  },
  (t) => [check("staff_role_check", sql`${t.role} in ('agent', 'supervisor', 'admin')`)],
);

export type StaffRow = typeof staff.$inferSelect;
