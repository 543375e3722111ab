import { AcknowledgeAlertRequest, Alert, AlertIdParam, AlertPage, AlertQuery } from "@recovery-desk/shared";
import { staffScope } from "../../auth/access.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { answerExamples } from "../../http/openapi-examples.ts";
import { createRouter, defineRoute, jsonAnswer, jsonBody, problemAnswer } from "../../http/router.ts";
import { acknowledgeAlert, listAlerts } from "./alerts.ts";

/** Where a page starts: after this raise time and alert id. */
const alertCursor = cursorCodec({ t: position.time(), i: position.text(64) });

const listRoute = defineRoute({
  method: "get",
  path: "/alerts",
  operationId: "listAlerts",
  tags: ["Alerts"],
  summary: "Supervisor alerts, newest first",
  description:
    "Alerts raised by an owner's report, an agent's unusual activity in an hour (recovery actions or failed verifications past the configured thresholds) and a notice that could not be delivered, optionally of one status. `open` counts every open alert, whatever the page.",
  access: "supervisor",
  request: { query: AlertQuery },
  responses: { 200: jsonAnswer("A page of alerts.", AlertPage, answerExamples.listAlerts) },
});

const acknowledgeRoute = defineRoute({
  method: "post",
  path: "/alerts/{id}/acknowledge",
  operationId: "acknowledgeAlert",
  tags: ["Alerts"],
  summary: "Acknowledge an alert",
  description:
    "A supervisor marks an open alert as seen to, with a note of what they did; recorded as `alert.acknowledged` with the note.",
  access: "supervisor",
  request: {
    params: AlertIdParam,
    ...jsonBody(AcknowledgeAlertRequest, {
      note: "Called the agent: a batch of lockouts after the password-policy change. Nothing wrong.",
    }),
  },
  responses: {
    200: jsonAnswer("Acknowledged.", Alert, answerExamples.acknowledgeAlert),
    404: problemAnswer("No such alert (`not_found`)."),
    409: problemAnswer("Already acknowledged; `detail` says by whom and when (`conflict`)."),
  },
});

export const alertRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const query = c.req.valid("query");
    const cursor = query.cursor ? alertCursor.decode(query.cursor) : null;
    const page = await listAlerts(c.var.deps.database.db, {
      status: query.status,
      limit: query.limit,
      after: cursor ? { at: cursor.t, id: cursor.i } : null,
    });
    const last = page.items.at(-1);
    return c.json(
      {
        items: page.items,
        nextCursor: page.more && last ? alertCursor.encode({ t: last.raisedAt, i: last.id }) : null,
        open: page.open,
      },
      200,
    );
  })
  .openapi(acknowledgeRoute, async (c) => {
    return c.json(
      await acknowledgeAlert(staffScope(c, "supervisor"), c.req.valid("param").id, c.req.valid("json")),
      200,
    );
  });
