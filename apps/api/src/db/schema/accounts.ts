import { ACCOUNT_STATUSES, LOCK_KINDS, STATUS_REASONS } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { citext, instant, timestamps } from "./columns.ts";

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A customer's online postal account. */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    username: citext("username").notNull().unique(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    displayName: text("display_name").notNull(),
    /** The full name lower-cased, without diacritics or punctuation, for typo-tolerant search. */
    nameSearch: text("name_search").notNull(),
    email: citext("email"),
    emailVerified: boolean("email_verified").notNull().default(false),
    /** E.164, e.g. +12175550142. */
    phone: text("phone"),
    phoneVerified: boolean("phone_verified").notNull().default(false),
    /** When the email on file last changed to another address (an account sync); null when it never has. */
    emailChangedAt: instant("email_changed_at"),
    /** When the phone on file last changed to another number (an account sync); null when it never has. */
    phoneChangedAt: instant("phone_changed_at"),
    /** The customer's preferred language, a BCP 47 tag (`en`, `es`, `fr`, …). */
    language: text("language").notNull().default("en"),
    status: text("status", { enum: ACCOUNT_STATUSES }).notNull(),
    /** Why the account is in its status; null while active. */
    statusReason: text("status_reason", { enum: STATUS_REASONS }),
    /** For status `locked`: temporary (ends at locked_until by itself) or hard (only a recovery lifts it). */
    lockKind: text("lock_kind", { enum: LOCK_KINDS }),
    lockedAt: instant("locked_at"),
    lockedUntil: instant("locked_until"),
    /** Failed logins counted in the current window of the lockout policy. */
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    failedLoginWindowStartedAt: instant("failed_login_window_started_at"),
    /** For status `merged`: the account this one was merged into. */
    mergedInto: text("merged_into").references((): AnyPgColumn => accounts.id),
    /** Set when a temporary password was issued: the customer must choose a new one at next login. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** argon2id hash of the temporary password an agent issued; the login service checks it. */
    temporaryPasswordHash: text("temporary_password_hash"),
    temporaryPasswordExpiresAt: instant("temporary_password_expires_at"),
    lastActivityAt: instant("last_activity_at"),
    deactivatedAt: instant("deactivated_at"),
    ...timestamps,
  },
  (t) => [
    check("accounts_status_check", sql`${t.status} in (${inList(ACCOUNT_STATUSES)})`),
    check(
      "accounts_status_reason_check",
      sql`${t.statusReason} is null or ${t.statusReason} in (${inList(STATUS_REASONS)})`,
    ),
    check("accounts_lock_kind_check", sql`${t.lockKind} is null or ${t.lockKind} in (${inList(LOCK_KINDS)})`),
    check("accounts_locked_has_kind", sql`(${t.status} = 'locked') = (${t.lockKind} is not null)`),
    check("accounts_merged_has_target", sql`(${t.status} = 'merged') = (${t.mergedInto} is not null)`),
    index("accounts_username_prefix_idx").using("btree", sql`lower(${t.username}::text) text_pattern_ops`),
    index("accounts_name_search_trgm_idx").using("gin", sql`${t.nameSearch} gin_trgm_ops`),
    index("accounts_email_idx").on(t.email),
    index("accounts_phone_idx").on(t.phone),
    index("accounts_status_idx").on(t.status, t.username),
    index("accounts_last_activity_idx").on(t.lastActivityAt),
  ],
);

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;
