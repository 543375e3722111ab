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

/** An event as the search lists it: the event, and the account it concerns named by its username. */
export const ListedAuditEvent = AuditEvent.extend({
  account: z
    .object({
      id: z.string().meta({ example: "acc_7Q2M4X9K" }),
      username: z.string().meta({ example: "maria.lopez" }),
    })
    .nullable()
    .meta({
      description:
        "The account the event concerns, with its current username; null when there is none. Not part of the event's hash, and not in the export.",
    }),
}).meta({ id: "ListedAuditEvent" });
export type ListedAuditEvent = z.infer<typeof ListedAuditEvent>;

export const AuditEventPage = page(AuditEvent, "AuditEventPage");
export type AuditEventPage = z.infer<typeof AuditEventPage>;

export const ListedAuditEventPage = page(ListedAuditEvent, "ListedAuditEventPage");
export type ListedAuditEventPage = z.infer<typeof ListedAuditEventPage>;

export const TimelineQuery = z.object({ limit: Limit, cursor: Cursor });

const SeqParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const AuditQuery = z.object({
  actor: z.string().trim().max(64).optional().meta({
    description:
      "Staff username (any case), or a staff or API key id. An unknown one is refused with `validation_failed` naming `query.actor`.",
    example: "ava.agent",
  }),
  actorId: z.string().max(64).optional().meta({ description: "Staff or API key id, exactly as stored." }),
  action: z
    .string()
    .max(64)
    .optional()
    .meta({ description: "Events with this action only.", example: "account.unlocked" }),
  account: z.string().trim().max(64).optional().meta({
    description:
      "Account username (any case) or account id. An unknown one is refused with `validation_failed` naming `query.account`.",
    example: "maria.lopez",
  }),
  accountId: z.string().max(64).optional().meta({ description: "Account id, exactly as stored." }),
  caseRef: z
    .string()
    .max(64)
    .optional()
    .meta({ description: "Events of this case reference only.", example: "CASE-2026-0042" }),
  from: Timestamp.optional().meta({ description: "Events at or after this time." }),
  to: Timestamp.optional().meta({ description: "Events before this time." }),
  q: z.string().trim().min(2).max(200).optional().meta({ description: "Free text in the reason and details." }),
  limit: Limit,
  cursor: Cursor,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditExportQuery = AuditQuery.omit({ limit: true, cursor: true }).extend({
  format: z
    .enum(["csv", "ndjson"])
    .default("csv")
    .meta({ description: "CSV (the default) or one JSON object a line." }),
});
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

export const VerifyQuery = z.object({
  fromSeq: SeqParam.optional().meta({
    description: "First event to check; the event before it is the trusted anchor. Default 1.",
  }),
  toSeq: SeqParam.optional().meta({ description: "Last event to check. Default: the head." }),
});

export const ChainCheck = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    headSeq: z.number().int().meta({ description: "The last event that fits (the chain's head when ok)." }),
    headHash: z.string(),
    firstBadSeq: z
      .number()
      .int()
      .optional()
      .meta({ description: "The first event that does not fit: changed, missing or out of order." }),
  })
  .meta({ id: "ChainCheck" });
export type ChainCheck = z.infer<typeof ChainCheck>;

export const ChainState = z
  .object({
    headSeq: z.number().int(),
    headHash: z.string(),
    lastCheck: z
      .object({
        checkedAt: Timestamp,
        ok: z.boolean(),
        fromSeq: z.number().int(),
        toSeq: z.number().int(),
        firstBadSeq: z.number().int().nullable(),
        by: z.string(),
      })
      .nullable(),
    lastCheckpoint: z
      .object({ seq: z.number().int(), hash: z.string(), checkedAt: Timestamp })
      .nullable()
      .meta({ description: "The newest head a full check found intact: later checks can start after it." }),
  })
  .meta({ id: "ChainState" });
export type ChainState = z.infer<typeof ChainState>;
