import { ApiKeyList, CreateApiKeyRequest, CreatedApiKey, Id, Problem } from "@recovery-desk/shared";
import { z } from "zod";
import { staffScope } from "../../auth/access.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody } from "../../http/router.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage.ts";

const KeyIdParam = z.object({ id: Id.meta({ param: { name: "id", in: "path" } }) });

const createRoute = defineRoute({
  method: "post",
  path: "/api-keys",
  operationId: "createApiKey",
  tags: ["API keys"],
  summary: "Create an API key",
  description: "The key appears in this answer only; store it at once. Only its hash is kept.",
  access: "admin",
  request: jsonBody(CreateApiKeyRequest, { name: "Login service (production)", scopes: ["login-events:write"] }),
  responses: { 201: jsonAnswer("Created.", CreatedApiKey, answerExamples.createApiKey) },
});

const listRoute = defineRoute({
  method: "get",
  path: "/api-keys",
  operationId: "listApiKeys",
  tags: ["API keys"],
  summary: "List API keys",
  description: "Without the keys themselves; the prefix identifies each.",
  access: "admin",
  responses: {
    200: jsonAnswer("The keys, newest first.", ApiKeyList, answerExamples.listApiKeys),
  },
});

const revokeRoute = defineRoute({
  method: "delete",
  path: "/api-keys/{id}",
  operationId: "revokeApiKey",
  tags: ["API keys"],
  summary: "Revoke an API key",
  description: "The key fails from the next request on.",
  access: "admin",
  request: { params: KeyIdParam },
  responses: {
    204: { description: "Revoked." },
    404: { description: "No such key (`not_found`).", content: { "application/problem+json": { schema: Problem } } },
    409: { description: "Already revoked (`conflict`).", content: { "application/problem+json": { schema: Problem } } },
  },
});

export const apiKeyRoutes = createRouter()
  .openapi(createRoute, async (c) => {
    const scope = staffScope(c, "admin");
    c.set("secretAnswer", true);
    return c.json(await createApiKey(scope, c.req.valid("json")), 201);
  })
  .openapi(listRoute, async (c) => c.json({ items: await listApiKeys(c.var.deps) }, 200))
  .openapi(revokeRoute, async (c) => {
    await revokeApiKey(staffScope(c, "admin"), c.req.valid("param").id);
    return c.body(null, 204);
  });
