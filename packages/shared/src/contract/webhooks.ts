import { z } from "zod";
import { WEBHOOK_EVENTS } from "../domain/words.ts";
import { Cursor, Id, Limit, page, Timestamp } from "./common.ts";

export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS).meta({ id: "WebhookEvent" });

export const CreateWebhookRequest = z
  .object({
    url: z.string().trim().min(1).max(2000).meta({
      description:
        "Where deliveries are POSTed: `https://` (plain `http://` only in demo mode), without a user name or password in it.",
      example: "https://hooks.example.com/recovery-desk",
    }),
    events: z
      .array(WebhookEventSchema)
      .min(1)
      .max(WEBHOOK_EVENTS.length)
      .meta({ description: "The event types to send; at least one." }),
  })
  .meta({ id: "CreateWebhookRequest" });
export type CreateWebhookRequest = z.infer<typeof CreateWebhookRequest>;

export const Webhook = z
  .object({
    id: Id,
    url: z.string(),
    events: z.array(WebhookEventSchema),
    createdAt: Timestamp,
    createdBy: z.string().nullable(),
    pending: z.number().int().meta({ description: "Deliveries waiting to be sent or retried." }),
    failed: z.number().int().meta({ description: "Deliveries that gave up after the last retry." }),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof Webhook>;

export const WebhookList = z.object({ items: z.array(Webhook) }).meta({ id: "WebhookList" });
export type WebhookList = z.infer<typeof WebhookList>;

export const CreatedWebhook = Webhook.extend({
  secret: z.string().meta({
    description:
      "The signing secret (`whsec_` and base64), shown in this answer only. The receiver verifies each delivery's `webhook-signature` with it.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).meta({ id: "CreatedWebhook" });
export type CreatedWebhook = z.infer<typeof CreatedWebhook>;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WebhookAttempt = z
  .object({
    at: Timestamp,
    statusCode: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when none came." }),
    error: z
      .string()
      .nullable()
      .meta({ description: "Why the attempt failed (`timeout`, `HTTP 500`, a network error); null on success." }),
    ms: z.number().int().meta({ description: "How long the attempt took, in milliseconds." }),
  })
  .meta({ id: "WebhookAttempt" });
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z
  .object({
    id: Id.meta({ description: "The `webhook-id` header: the same on every retry of one delivery." }),
    event: WebhookEventSchema,
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).meta({
      description: "`pending` until the receiver answers 2xx (`delivered`) or the last retry fails (`failed`).",
    }),
    createdAt: Timestamp,
    nextAttemptAt: Timestamp.nullable().meta({ description: "When a pending delivery is tried next." }),
    attempts: z.array(WebhookAttempt).meta({ description: "Every attempt so far, oldest first." }),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryPage = page(WebhookDelivery, "WebhookDeliveryPage");
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;

export const WebhookDeliveryQuery = z.object({ limit: Limit, cursor: Cursor });
