import { z } from "zod";
import { ACCOUNT_STATUSES, LOCK_KINDS, STATUS_REASONS, VERIFICATION_METHODS } from "../domain/words.ts";
import { Cursor, Id, Limit, page, Timestamp } from "./common.ts";
import { EvidenceSchema } from "./policy.ts";
import { RiskSchema } from "./risk.ts";

export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES).meta({ id: "AccountStatus" });
export const StatusReasonSchema = z.enum(STATUS_REASONS).meta({ id: "StatusReason" });

export const AccountSearchQuery = z.object({
  q: z.string().trim().max(200).optional().meta({
    description:
      "Username (prefix), name (typo-tolerant), whole email, phone number written any way, ZIP code, or street address (typo-tolerant).",
    example: "Maria Lopes",
  }),
  status: AccountStatusSchema.optional().meta({ description: "Only accounts with this status." }),
  limit: Limit,
  cursor: Cursor,
});
export type AccountSearchQuery = z.infer<typeof AccountSearchQuery>;

export const AccountSummary = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    status: AccountStatusSchema,
    statusReason: StatusReasonSchema.nullable(),
    emailMasked: z.string().nullable().meta({ example: "m••••@example.com" }),
    phoneMasked: z.string().nullable().meta({ example: "•••-•••-0142" }),
    city: z.string().nullable(),
    state: z.string().nullable(),
    zip5: z.string().nullable(),
    lastActivityAt: Timestamp.nullable(),
    createdAt: Timestamp,
    duplicateCandidates: z
      .number()
      .int()
      .meta({ description: "How many other active accounts share this account's normalised address." }),
  })
  .meta({ id: "AccountSummary" });
export type AccountSummary = z.infer<typeof AccountSummary>;

export const AccountSummaryPage = page(AccountSummary, "AccountSummaryPage", {
  accountsLoaded: z.boolean().meta({
    description:
      "False only on an install with no accounts at all: nothing can match until accounts are loaded from the system of record (`PUT /api/v1/accounts/by-username/{username}` or `pnpm accounts:import`).",
  }),
});
export type AccountSummaryPage = z.infer<typeof AccountSummaryPage>;

export const Address = z
  .object({
    id: Id,
    kind: z.enum(["home", "mailing"]),
    line1: z
      .string()
      .meta({ description: "Street line; the house number is hidden while masked.", example: "••• N Main Street" }),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    zip5: z.string(),
    masked: z.boolean(),
  })
  .meta({ id: "Address" });
export type Address = z.infer<typeof Address>;

export const Channel = z
  .object({
    masked: z
      .string()
      .nullable()
      .meta({ description: "Masked unless the requesting agent holds an open verified window." }),
    verified: z.boolean(),
  })
  .meta({ id: "Channel" });

export const Lock = z
  .object({
    kind: z.enum(LOCK_KINDS),
    lockedAt: Timestamp,
    lockedUntil: Timestamp.nullable().meta({
      description: "When a temporary lock ends by itself; null for a hard lock.",
    }),
    failedLogins: z.number().int(),
  })
  .meta({ id: "Lock" });
export type Lock = z.infer<typeof Lock>;

export const SecurityQuestionPrompt = z.object({ id: Id, prompt: z.string() }).meta({ id: "SecurityQuestionPrompt" });

export const VerificationWindow = z
  .object({
    verificationId: Id,
    method: z.enum(VERIFICATION_METHODS),
    caseRef: z.string().nullable(),
    verifiedAt: Timestamp,
    verifiedUntil: Timestamp,
    evidence: z.array(EvidenceSchema).meta({
      description: "Everything verified in this window; a second method passed while it is open adds to it.",
    }),
  })
  .meta({ id: "VerificationWindow", description: "The requesting agent's open verified window for this account." });

export const AccountDetail = AccountSummary.extend({
  addresses: z.array(Address),
  channels: z.object({ email: Channel, phone: Channel }),
  lock: Lock.nullable(),
  mergedInto: Id.nullable(),
  mustChangePassword: z.boolean(),
  securityQuestions: z.array(SecurityQuestionPrompt),
  contactMasked: z.boolean().meta({
    description:
      "False while the requesting agent holds an open verified window: contact fields then carry the full values.",
  }),
  verification: VerificationWindow.nullable(),
  /** The account's risk level and signals, as `GET /accounts/{id}/risk` answers. */
  risk: RiskSchema,
}).meta({ id: "AccountDetail" });
export type AccountDetail = z.infer<typeof AccountDetail>;

export const AccountIdParam = z.object({
  id: Id.meta({ param: { name: "id", in: "path" }, example: "acc_7Q2M4X9K" }),
});
