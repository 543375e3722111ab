import { OutboxMessage, page } from "@recovery-desk/shared";
import { desc } from "drizzle-orm";
import { z } from "zod";
import { outbox } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, problemAnswer } from "../../http/router.ts";

const OutboxPage = page(OutboxMessage, "OutboxPage");

const outboxRoute = defineRoute({
  method: "get",
  path: "/dev/outbox",
  operationId: "listOutboxMessages",
  tags: ["Demo"],
  summary: "Messages that would have been sent (demo only)",
  description:
    "In demo mode, emails and text messages land here instead of going out, newest first, so a person trying the console can play the caller. Outside demo mode this answers 404.",
  access: "agent",
  request: {
    query: z.object({
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(200)
        .default(50)
        .meta({ description: "How many of the newest messages, 1–200." }),
    }),
  },
  responses: {
    200: jsonAnswer("The newest messages.", OutboxPage, answerExamples.listOutboxMessages),
    404: problemAnswer("Not in demo mode (`not_found`)."),
  },
});

export const devRoutes = createRouter().openapi(outboxRoute, async (c) => {
  const { database, config } = c.var.deps;
  if (!config.demo) throw new ApiError("not_found", "The outbox exists only in demo mode.");
  const rows = await database.db
    .select()
    .from(outbox)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(c.req.valid("query").limit);
  return c.json({ items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), nextCursor: null }, 200);
});
