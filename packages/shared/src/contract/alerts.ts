import { z } from "zod";
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES } from "../domain/alerts.ts";
import { Cursor, Id, Limit, page, Timestamp } from "./common.ts";

export const Alert = z
  .object({
    id: Id,
    kind: z.enum(ALERT_KINDS).meta({
      description:
        "`recovery_reported`: an owner said an action was not theirs; `agent_velocity`: an agent took more recovery actions in an hour than the threshold; `agent_failures`: an agent had more failed verifications in an hour than the threshold; `notice_undeliverable`: a notice to an owner could not be delivered.",
    }),
    severity: z.enum(ALERT_SEVERITIES),
    accountId: Id.nullable().meta({ description: "The account it concerns; null for an agent's activity." }),
    accountUsername: z.string().nullable().meta({ description: "That account's username, to name it." }),
    staffId: Id.nullable().meta({ description: "The agent it concerns; null when it is about an account." }),
    staffUsername: z.string().nullable().meta({ description: "That agent's username." }),
    detail: z.string().meta({ description: "What happened, in plain words; never a secret or a full address." }),
    raisedAt: Timestamp,
    status: z.enum(ALERT_STATUSES),
    acknowledgedBy: z.string().nullable().meta({ description: "Username of the supervisor who acknowledged it." }),
    acknowledgedAt: Timestamp.nullable(),
    note: z.string().nullable().meta({ description: "The supervisor's note on acknowledging." }),
  })
  .meta({ id: "Alert" });
export type Alert = z.infer<typeof Alert>;

export const AlertPage = page(Alert, "AlertPage", {
  open: z.number().int().meta({ description: "How many alerts are open in all (the console's badge)." }),
});
export type AlertPage = z.infer<typeof AlertPage>;

export const AlertQuery = z.object({
  status: z.enum(ALERT_STATUSES).optional().meta({ description: "Alerts in this state only." }),
  limit: Limit,
  cursor: Cursor,
});

export const AcknowledgeAlertRequest = z
  .object({
    note: z.string().trim().min(1, "Give a note.").max(500).meta({
      description: "What the supervisor did about it, in their words; it lands in the audit event.",
      example: "Called the agent: a batch of lockouts after the password-policy change. Nothing wrong.",
    }),
  })
  .meta({ id: "AcknowledgeAlertRequest" });
export type AcknowledgeAlertRequest = z.infer<typeof AcknowledgeAlertRequest>;

export const AlertIdParam = z.object({ id: Id.meta({ param: { name: "id", in: "path" } }) });
