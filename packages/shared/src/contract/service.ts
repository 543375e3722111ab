import { z } from "zod";
import { ACCOUNT_STATUSES, API_SCOPES } from "../domain/words.ts";
import { Id, Timestamp } from "./common.ts";

export const ApiScopeSchema = z.enum(API_SCOPES).meta({ id: "ApiScope" });

export const LoginEventRequest = z
  .object({
    username: z.string().trim().min(1).max(100),
    outcome: z.enum(["success", "failure"]),
    occurredAt: Timestamp.optional().meta({
      description: "When the login happened; at most 15 minutes ago. Defaults to now.",
    }),
    // The formats are named so the document says `ipv4` and `ipv6` rather than `ip` twice.
    ip: z
      .union([z.ipv4().meta({ format: "ipv4" }), z.ipv6().meta({ format: "ipv6" })])
      .optional()
      .meta({ description: "The customer's address, kept with a lock event." }),
  })
  .meta({ id: "LoginEventRequest" });
export type LoginEventRequest = z.infer<typeof LoginEventRequest>;

export const LoginEventResult = z
  .object({
    status: z.enum([...ACCOUNT_STATUSES, "unknown"]).meta({ description: "`unknown` for a username with no account." }),
    locked: z.boolean().meta({ description: "True when the login service must refuse the login." }),
    lockedUntil: Timestamp.nullable().meta({
      description: "When a temporary lock ends by itself; null for a hard lock or no lock.",
    }),
  })
  .meta({ id: "LoginEventResult" });
export type LoginEventResult = z.infer<typeof LoginEventResult>;

export const TemporaryPasswordCheckRequest = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z
      .string()
      .min(1)
      .max(200)
      .meta({ description: "What the customer typed, exactly; it is never stored, logged or echoed." }),
  })
  .meta({ id: "TemporaryPasswordCheckRequest" });
export type TemporaryPasswordCheckRequest = z.infer<typeof TemporaryPasswordCheckRequest>;

export const TemporaryPasswordCheckResult = z
  .object({
    valid: z.boolean().meta({
      description:
        "True when the password is the account's outstanding temporary password; it is now used up. False for a wrong one, an expired or used one, a locked account, or an unknown username alike.",
    }),
    mustChange: z
      .boolean()
      .meta({ description: "True with a valid one: the customer must choose a new password before going on." }),
    expiresAt: Timestamp.nullable().meta({
      description: "With a valid one, when it would have expired; null otherwise.",
    }),
  })
  .meta({ id: "TemporaryPasswordCheckResult" });
export type TemporaryPasswordCheckResult = z.infer<typeof TemporaryPasswordCheckResult>;

export const ApiKey = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z
      .string()
      .meta({ description: "The first characters of the key, to recognise it.", example: "rdk_7q2m4x9k" }),
    scopes: z.array(ApiScopeSchema),
    createdAt: Timestamp,
    createdBy: z.string().nullable(),
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const CreateApiKeyRequest = z
  .object({
    name: z.string().trim().min(1).max(100).meta({ example: "Login service (production)" }),
    scopes: z.array(ApiScopeSchema).min(1).max(API_SCOPES.length),
  })
  .meta({ id: "CreateApiKeyRequest" });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequest>;

export const CreatedApiKey = ApiKey.extend({
  key: z.string().meta({ description: "The key itself. It appears in this answer only: store it now." }),
}).meta({ id: "CreatedApiKey" });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.object({ items: z.array(ApiKey) }).meta({ id: "ApiKeyList" });
export type ApiKeyList = z.infer<typeof ApiKeyList>;

export const SweepResult = z
  .object({
    ran: z.boolean().meta({ description: "False when another process was sweeping at the same moment." }),
    deactivated: z.number().int(),
    batches: z.number().int(),
  })
  .meta({ id: "SweepResult" });
export type SweepResult = z.infer<typeof SweepResult>;
