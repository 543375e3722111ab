import type { WebhookAttempt, WebhookDeliveryStatus, WebhookEvent } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

/**
 * Receivers of outgoing webhooks. The signing secret is kept as issued: the server needs it to
 * sign every delivery, so it cannot be hashed; it is shown once and never answered again.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: text("id").primaryKey(),
    url: text("url").notNull(),
    events: text("events").array().$type<WebhookEvent[]>().notNull(),
    /** `whsec_` and base64 of 32 random bytes (Standard Webhooks). */
    secret: text("secret").notNull(),
    createdBy: text("created_by").references(() => staff.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index().on(t.createdAt)],
);

export type WebhookRow = typeof webhooks.$inferSelect;

/**
 * The durable delivery queue: one row per event and subscribed webhook, written in the transaction
 * that made the change. Deleting a webhook deletes its deliveries.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    /** Sent as `webhook-id`: the same on every retry, so a receiver can drop repeats. */
    id: text("id").primaryKey(),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").$type<WebhookEvent>().notNull(),
    /** The body as sent: `{ type, timestamp, data }`, ids and non-secret facts only. */
    payload: jsonb("payload").notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull(),
    /** Every attempt: when, the receiver's status, the error, how long it took. No response bodies. */
    attempts: jsonb("attempts").$type<WebhookAttempt[]>().notNull().default(sql`'[]'::jsonb`),
    /** When a pending delivery is due; a sender that claims it moves it on by its lease. */
    nextAttemptAt: instant("next_attempt_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    index().on(t.webhookId, t.createdAt, t.id),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
