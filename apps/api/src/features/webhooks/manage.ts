import type {
  CreatedWebhook,
  CreateWebhookRequest,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryPage,
} from "@recovery-desk/shared";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { queryRows } from "../../db/rows.ts";
import { type WebhookDeliveryRow, webhookDeliveries, webhooks } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";

/** `whsec_` and 256 random bits in base64, the secret format of Standard Webhooks. */
function newSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `whsec_${Buffer.from(bytes).toString("base64")}`;
}

function urlProblem(message: string): ApiError {
  return new ApiError("validation_failed", "Some fields are not valid.", { errors: [{ path: "json.url", message }] });
}

/** The receiver's address, checked: https (http in demo mode only), no credentials, no fragment. */
function receiverUrl(text: string, demo: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw urlProblem("Not a valid URL.");
  }
  if (url.protocol !== "https:" && !(demo && url.protocol === "http:")) {
    throw urlProblem(demo ? "Use an https:// or http:// address." : "Use an https:// address.");
  }
  if (url.username || url.password) {
    throw urlProblem("Leave the user name and password out of the address; the signature proves the sender.");
  }
  if (url.hash) throw urlProblem("Leave the #fragment out of the address.");
  return url.href;
}

/** The address as the audit trail keeps it: without its query, where a receiver may put a token. */
function auditedUrl(href: string): string {
  const url = new URL(href);
  return `${url.origin}${url.pathname}`;
}

type ListedRow = {
  id: string;
  url: string;
  events: Webhook["events"];
  created_at: Date | string;
  created_by: string | null;
  pending: number | string;
  failed: number | string;
};

function present(row: ListedRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    pending: Number(row.pending),
    failed: Number(row.failed),
  };
}

/** Registers a receiver; its signing secret is in this answer only. */
export async function createWebhook(scope: StaffScope, input: CreateWebhookRequest): Promise<CreatedWebhook> {
  const { deps, staff: admin, origin } = scope;
  const url = receiverUrl(input.url, deps.config.demo);
  const now = deps.clock.now();
  const secret = newSecret();
  const events = [...new Set(input.events)];
  const row = await deps.database.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(webhooks)
      .values({ id: newId("webhook"), url, events, secret, createdBy: admin.id, createdAt: now })
      .returning({ id: webhooks.id });
    if (!inserted) throw new Error("The webhook insert returned no row.");
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "webhook.created",
      origin,
      details: { webhookId: inserted.id, url: auditedUrl(url), events },
    });
    return inserted;
  });
  return {
    id: row.id,
    url,
    events,
    createdAt: now.toISOString(),
    createdBy: admin.username,
    pending: 0,
    failed: 0,
    secret,
  };
}

/** Every receiver, newest first, with its pending and failed deliveries; never a secret. */
export async function listWebhooks(deps: AppDeps): Promise<Webhook[]> {
  const rows = await queryRows<ListedRow>(
    deps.database.db,
    sql`select w.id, w.url, w.events, w.created_at, s.username as created_by,
               (select count(*) from webhook_deliveries d where d.webhook_id = w.id and d.status = 'pending') as pending,
               (select count(*) from webhook_deliveries d where d.webhook_id = w.id and d.status = 'failed') as failed
        from webhooks w left join staff s on s.id = w.created_by
        order by w.created_at desc, w.id desc`,
  );
  return rows.map(present);
}

/** Removes a receiver with its secret and its queued and past deliveries. */
export async function deleteWebhook(scope: StaffScope, id: string): Promise<void> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhooks)
      .where(eq(webhooks.id, id))
      .returning({ id: webhooks.id, url: webhooks.url, events: webhooks.events });
    if (!row) throw notFound("The webhook");
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "webhook.deleted",
      origin,
      details: { webhookId: row.id, url: auditedUrl(row.url), events: row.events },
    });
  });
}

/** Where a page of deliveries starts: before this (created, id). */
const deliveryCursor = cursorCodec({ t: position.time(), i: position.text(64) });

function presentDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    nextAttemptAt: row.status === "pending" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: row.attempts,
  };
}

/** A receiver's deliveries, newest first, with every attempt. */
export async function listWebhookDeliveries(
  deps: AppDeps,
  webhookId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<WebhookDeliveryPage> {
  const before = query.cursor ? deliveryCursor.decode(query.cursor) : null;
  const db = deps.database.db;
  const [exists] = await db.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
  if (!exists) throw notFound("The webhook");
  const at = before ? new Date(before.t) : null;
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      before && at
        ? and(
            eq(webhookDeliveries.webhookId, webhookId),
            or(
              lt(webhookDeliveries.createdAt, at),
              and(eq(webhookDeliveries.createdAt, at), lt(webhookDeliveries.id, before.i)),
            ),
          )
        : eq(webhookDeliveries.webhookId, webhookId),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map(presentDelivery),
    nextCursor:
      rows.length > query.limit && last ? deliveryCursor.encode({ t: last.createdAt.toISOString(), i: last.id }) : null,
  };
}
