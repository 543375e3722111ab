import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { instant } from "./columns.ts";

export const NOTICE_KINDS = ["notice", "report_confirmation"] as const;
export const NOTICE_STATUSES = ["pending", "sent", "failed"] as const;

/**
 * The owner's single-use "this wasn't me" links. Only the SHA-256 of the token is kept; the token
 * itself travels in one notice and nowhere else. A link works for 30 days and once.
 */
export const reportTokens = pgTable(
  "report_tokens",
  {
    id: text("id").primaryKey(),
    /** SHA-256 of the token, hex. */
    tokenHash: text("token_hash").notNull().unique(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    /** The audit action the notice told of (`account.unlocked`, `account.temporary_password_issued`, …). */
    action: text("action").notNull(),
    caseRef: text("case_ref"),
    /** The channel of the notice that carried the link; the confirmation of a report goes there. */
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    createdAt: instant("created_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
    /** When the owner used it; a used link answers like an unknown one. */
    usedAt: instant("used_at"),
  },
  (t) => [index().on(t.accountId), index().on(t.expiresAt)],
);

export type ReportTokenRow = typeof reportTokens.$inferSelect;

/**
 * The transactional outbox of notices to account owners: written in the transaction of the action
 * they tell of (so no action commits without them), sent afterwards by the deliverer with retries.
 * A pending notice's body holds its report link; once sent or given up, the body is cleared.
 */
export const notices = pgTable(
  "notices",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    /** The audit action the notice tells of. */
    action: text("action").notNull(),
    caseRef: text("case_ref"),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    /** The full address or number, as on file when the action was taken. */
    recipient: text("recipient").notNull(),
    /** The language the message is written in (BCP 47). */
    language: text("language").notNull(),
    subject: text("subject").notNull(),
    /** The text to send, report link included; null once sent or given up. */
    body: text("body"),
    reportTokenId: text("report_token_id").references(() => reportTokens.id),
    status: text("status", { enum: NOTICE_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Why the latest attempt failed, safe to show (never the message or the address). */
    lastError: text("last_error"),
    /** When a pending notice is due; a deliverer that claims it moves it on by its lease. */
    nextAttemptAt: instant("next_attempt_at"),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index().on(t.accountId, t.createdAt),
    index("notices_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    check("notices_body_while_pending", sql`${t.status} <> 'pending' or ${t.body} is not null`),
  ],
);

export type NoticeRow = typeof notices.$inferSelect;
