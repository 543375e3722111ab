import { type Evidence, MESSAGE_KINDS, VERIFICATION_METHODS } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

export const VERIFICATION_STATUSES = ["pending", "verified", "failed", "expired"] as const;

/**
 * One attempt by an agent to prove that a caller owns an account. A success opens the verified
 * window (until `verified_until`) for that agent, that account and that case.
 */
export const verifications = pgTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    /** The agent (or other staff) who runs the verification; the window is theirs alone. */
    staffId: text("staff_id")
      .notNull()
      .references(() => staff.id),
    method: text("method", { enum: VERIFICATION_METHODS }).notNull(),
    caseRef: text("case_ref"),
    status: text("status", { enum: VERIFICATION_STATUSES }).notNull(),
    /** The two questions asked, fixed when the verification starts (they do not change after a failure). */
    questionIds: jsonb("question_ids").$type<string[]>(),
    /** argon2id hash of the current one-time code; null for questions and once the code is used. */
    codeHash: text("code_hash"),
    codeSentAt: instant("code_sent_at"),
    codeExpiresAt: instant("code_expires_at"),
    /** How many codes this verification has sent (the first and each resend). */
    codesSent: integer("codes_sent").notNull().default(0),
    /** Tries left on the current code (one-time codes: 5). */
    codeAttemptsRemaining: integer("code_attempts_remaining"),
    /** Where the code went, masked, for the agent to read out ("•••-•••-0142"). */
    deliveredTo: text("delivered_to"),
    createdAt: instant("created_at").notNull(),
    /** A pending verification lapses at this time. */
    expiresAt: instant("expires_at").notNull(),
    verifiedAt: instant("verified_at"),
    verifiedUntil: instant("verified_until"),
    /**
     * What the window opened by this success rests on: its own method's evidence and that of the
     * agent's window on the account (same case) it was passed in, if one was open.
     */
    evidence: jsonb("evidence").$type<Evidence[]>().notNull().default([]),
  },
  (t) => [
    check("verifications_method_check", sql`${t.method} in ('security_questions', 'otp_sms', 'otp_email')`),
    check("verifications_status_check", sql`${t.status} in ('pending', 'verified', 'failed', 'expired')`),
    index("verifications_window_idx").on(t.staffId, t.accountId, t.verifiedUntil),
    index("verifications_account_idx").on(t.accountId, t.createdAt),
  ],
);

export type VerificationRow = typeof verifications.$inferSelect;

/**
 * Failed question answers per account, across all agents and keys: three within 24 hours block
 * question-based verification of that account for 24 hours.
 */
export const verificationFailures = pgTable(
  "verification_failures",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    verificationId: text("verification_id")
      .notNull()
      .references(() => verifications.id),
    method: text("method", { enum: VERIFICATION_METHODS }).notNull(),
    failedAt: instant("failed_at").notNull(),
  },
  (t) => [index("verification_failures_account_idx").on(t.accountId, t.method, t.failedAt)],
);

/** Messages that would have gone out by email or SMS, kept in demo mode (and in tests) instead of sending. */
export const outbox = pgTable(
  "outbox",
  {
    id: text("id").primaryKey(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    kind: text("kind", { enum: MESSAGE_KINDS }).notNull().default("code"),
    /** The language the message is written in (BCP 47). */
    language: text("language").notNull().default("en"),
    /** The full address or number: the outbox plays the caller's inbox or phone. */
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    accountId: text("account_id"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);

/** Deliveries that failed, so an agent's report "the text did not arrive" can be checked. */
export const deliveryFailures = pgTable("delivery_failures", {
  id: text("id").primaryKey(),
  channel: text("channel", { enum: ["email", "sms"] }).notNull(),
  accountId: text("account_id"),
  verificationId: text("verification_id"),
  /** What the gateway said, without the message body. */
  error: text("error").notNull(),
  failedAt: instant("failed_at").notNull(),
});
