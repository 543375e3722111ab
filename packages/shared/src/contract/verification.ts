import { z } from "zod";
import { MESSAGE_KINDS, VERIFICATION_METHODS } from "../domain/words.ts";
import { Id, Timestamp } from "./common.ts";
import { EvidenceSchema } from "./policy.ts";

export const VerificationMethodSchema = z.enum(VERIFICATION_METHODS).meta({
  id: "VerificationMethod",
  description:
    "`security_questions`: the caller answers both questions. `otp_sms` / `otp_email`: a 6-digit code goes to the account's verified phone or email.",
});

/** A case reference: the ticket or call number the agent works under. */
export const CaseRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\w./:#-]+$/, "Letters, digits and . / : # - _ only.")
  .meta({ description: "The call's case reference, e.g. `CASE-2026-0042`.", example: "CASE-2026-0042" });

export const StartVerificationRequest = z
  .object({ method: VerificationMethodSchema, caseRef: CaseRef.optional() })
  .meta({ id: "StartVerificationRequest" });
export type StartVerificationRequest = z.infer<typeof StartVerificationRequest>;

export const Verification = z
  .object({
    id: Id,
    accountId: Id,
    method: VerificationMethodSchema,
    status: z.enum(["pending", "verified", "failed", "expired"]),
    caseRef: z.string().nullable(),
    questions: z
      .array(z.object({ id: Id, prompt: z.string() }))
      .optional()
      .meta({ description: "For `security_questions`: the prompts to read to the caller." }),
    attemptsRemaining: z.number().int().meta({
      description:
        "Questions: failed attempts left for the account in 24 hours. Codes: tries left on the current code.",
    }),
    expiresAt: Timestamp.meta({ description: "A pending verification lapses then." }),
    deliveredTo: z
      .string()
      .nullable()
      .meta({ description: "Codes: where the code went, masked.", example: "•••-•••-0142" }),
    codeExpiresAt: Timestamp.nullable().meta({
      description: "Codes: when the current code stops working (10 minutes after sending).",
    }),
    resendAvailableAt: Timestamp.nullable().meta({
      description: "Codes: a new code can be sent from then on (60 seconds after the last).",
    }),
    verifiedUntil: Timestamp.nullable().meta({
      description: "Once verified: the end of the verified window (15 minutes).",
    }),
  })
  .meta({ id: "Verification" });
export type Verification = z.infer<typeof Verification>;

export const Answer = z.object({
  questionId: Id,
  answer: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "What the caller said, as typed by the agent. Never stored or echoed." }),
});

export const AnswersRequest = z
  .object({ answers: z.array(Answer).min(1).max(5) })
  .meta({ id: "AnswersRequest", description: "An answer for each question of the verification." });
export type AnswersRequest = z.infer<typeof AnswersRequest>;

export const CodeRequest = z
  .object({
    code: z
      .string()
      .trim()
      .max(20)
      .transform((s) => s.replace(/[\s-]/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "The code has 6 digits."))
      .meta({
        description: "The 6-digit code the caller reads out; spaces and dashes are ignored.",
        example: "482 913",
      }),
  })
  .meta({ id: "CodeRequest" });
export type CodeRequest = z.infer<typeof CodeRequest>;

export const VerificationSuccess = z
  .object({
    status: z.literal("verified"),
    verifiedUntil: Timestamp,
    evidence: z.array(EvidenceSchema).meta({ description: "Everything the window now rests on." }),
  })
  .meta({ id: "VerificationSuccess" });
export type VerificationSuccess = z.infer<typeof VerificationSuccess>;

export const VerificationIdParam = z.object({
  id: Id.meta({ param: { name: "id", in: "path" }, example: "ver_kq3v7m2x9d4t8w6z" }),
});

export const OutboxMessage = z
  .object({
    id: Id,
    channel: z.enum(["email", "sms"]),
    kind: z.enum(MESSAGE_KINDS).meta({
      description:
        "A one-time code, a temporary password or a username reminder (sent at once), a notice of a recovery action, or the confirmation of an owner's report.",
    }),
    language: z.string().meta({ description: "The language the message is written in (BCP 47).", example: "en" }),
    recipient: z.string(),
    subject: z.string().nullable(),
    body: z.string(),
    accountId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: "OutboxMessage" });
export type OutboxMessage = z.infer<typeof OutboxMessage>;
