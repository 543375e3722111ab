import { z } from "zod";
import { ACTOR_TYPES } from "../domain/words.ts";
import { Cursor, Id, Limit, page, Timestamp } from "./common.ts";

export const AuditEvent = z
  .object({
    id: Id,
    seq: z.number().int().meta({ description: "Position in the chain: 1, 2, 3 … without gaps." }),
    occurredAt: Timestamp,
    actor: z.object({
      type: z.enum(ACTOR_TYPES),
      id: z.string().nullable(),
      name: z.string(),
    }),
    action: z.string().meta({ example: "account.unlocked" }),
    accountId: z.string().nullable(),
    caseRef: z.string().nullable(),
    reason: z.string().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    hash: z.string().meta({ description: "SHA-256 (hex) over the event's canonical content and `prevHash`." }),
    prevHash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditEventPage = page(AuditEvent, "AuditEventPage");
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const TimelineQuery = z.object({ limit: Limit, cursor: Cursor });
