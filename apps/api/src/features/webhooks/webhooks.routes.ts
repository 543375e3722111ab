import {
  CreatedWebhook,
  CreateWebhookRequest,
  Id,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookList,
} from "@recovery-desk/shared";
import { z } from "zod";
import { staffScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks } from "./manage.ts";

const WebhookIdParam = z.object({ id: Id.meta({ param: { name: "id", in: "path" } }) });

const createRoute = defineRoute({
  method: "post",
  path: "/webhooks",
  operationId: "createWebhook",
  tags: ["Webhooks"],
  summary: "Add a webhook",
  description:
    "Registers a receiver for the chosen events. Each delivery is a POST of `{ type, timestamp, data }` signed as Standard Webhooks describe (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`). The signing secret appears in this answer only; give it to the receiver at once.",
  access: "admin",
  request: jsonBody(CreateWebhookRequest, {
    url: "https://hooks.example.com/recovery-desk",
    events: ["account.locked", "account.unlocked"],
  }),
  responses: { 201: jsonAnswer("Added.", CreatedWebhook, answerExamples.createWebhook) },
});

const listRoute = defineRoute({
  method: "get",
  path: "/webhooks",
  operationId: "listWebhooks",
  tags: ["Webhooks"],
  summary: "List webhooks",
  description: "Every receiver with its events and how many deliveries are pending or failed; never a secret.",
  access: "admin",
  responses: { 200: jsonAnswer("The webhooks, newest first.", WebhookList, answerExamples.listWebhooks) },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/webhooks/{id}",
  operationId: "deleteWebhook",
  tags: ["Webhooks"],
  summary: "Delete a webhook",
  description: "Nothing more is sent to it; its secret, its pending deliveries and their history are removed.",
  access: "admin",
  request: { params: WebhookIdParam },
  responses: {
    204: { description: "Deleted." },
    404: problemAnswer("No such webhook (`not_found`)."),
  },
});

const deliveriesRoute = defineRoute({
  method: "get",
  path: "/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  tags: ["Webhooks"],
  summary: "List a webhook's deliveries",
  description:
    "What was sent or is waiting, newest first, with every attempt: when, the receiver's HTTP status, the error. Response bodies are not kept.",
  access: "admin",
  request: { params: WebhookIdParam, query: WebhookDeliveryQuery },
  responses: {
    200: jsonAnswer("A page of deliveries.", WebhookDeliveryPage, answerExamples.listWebhookDeliveries),
    404: problemAnswer("No such webhook (`not_found`)."),
  },
});

export const webhookRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const scope = staffScope(c, "admin");
    c.set("secretAnswer", true);
    return c.json(await createWebhook(scope, c.req.valid("json")), 201);
  })
  .openapi(listRoute, async (c) => c.json({ items: await listWebhooks(c.var.deps) }, 200))
  .openapi(deleteRoute, async (c) => {
    await deleteWebhook(staffScope(c, "admin"), c.req.valid("param").id);
    return c.body(null, 204);
  })
  .openapi(deliveriesRoute, async (c) =>
    c.json(await listWebhookDeliveries(c.var.deps, c.req.valid("param").id, c.req.valid("query")), 200),
  );
