import { z } from "zod";
import { normalizeState } from "../normalize/address.ts";
import { normalizePhone } from "../normalize/phone.ts";
import { normalizeAnswer } from "../normalize/text.ts";
import { parseZip } from "../normalize/zip.ts";
import { FieldError, Timestamp } from "./common.ts";

/** A customer's username as the system of record knows it: no spaces, slashes or control characters. */
export const AccountUsername = z
  .string()
  .min(1)
  .max(100)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses
  .regex(/^[^\s/\u0000-\u001f\u007f]+$/, "A username has no spaces, slashes or control characters.")
  .meta({ description: "The customer's username in the system of record.", example: "maria.lopez" });

const text = (max: number) => z.string().trim().min(1).max(max);

export const SyncAddress = z
  .object({
    kind: z.enum(["home", "mailing"]),
    line1: text(200),
    line2: z.string().trim().max(200).nullish(),
    city: text(100),
    state: text(50).refine((s) => /^[A-Z]{2}$/.test(normalizeState(s)), "A US state or its two-letter code."),
    zip: text(20).refine((s) => parseZip(s) !== null, "A ZIP code: 5 digits, or ZIP+4."),
  })
  .meta({ id: "SyncAddress" });

export const SyncSecurityQuestion = z
  .object({
    prompt: text(200),
    answer: z
      .string()
      .max(200)
      .refine((s) => normalizeAnswer(s).length > 0, "An answer needs at least one letter or digit.")
      .meta({ description: "Normalised and hashed on arrival; never stored, logged or echoed." }),
  })
  .meta({ id: "SyncSecurityQuestion" });

/**
 * An account as the system of record sends it (without the username, which `PUT
 * /accounts/by-username/{username}` carries in its path). Sending it again replaces every field;
 * leaving out `securityQuestions` keeps the questions on file, and an empty list removes them.
 */
export const AccountSyncBody = z
  .object({
    displayName: text(200),
    firstName: text(100),
    lastName: text(100),
    email: z.email().max(254).nullable(),
    emailVerified: z.boolean(),
    phone: z
      .string()
      .max(40)
      .nullable()
      .refine((s) => s === null || normalizePhone(s) !== null, "A phone number (stored in E.164, +1 when none)."),
    phoneVerified: z.boolean(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "A BCP 47 language tag such as en, es or fr-CA.")
      .max(35),
    addresses: z
      .array(SyncAddress)
      .max(2)
      .refine(
        (list) => new Set(list.map((a) => a.kind)).size === list.length,
        "At most one home and one mailing address.",
      ),
    createdAt: Timestamp.optional(),
    lastActivityAt: Timestamp.nullish(),
    securityQuestions: z.array(SyncSecurityQuestion).max(2).optional().meta({
      description:
        "Left out: the questions on file stay. An empty list removes them (the caller then verifies with a one-time code).",
    }),
  })
  .meta({ id: "AccountSyncRequest" });
export type AccountSyncBody = z.infer<typeof AccountSyncBody>;

/** One account record of an import: the sync body with its username. */
export const AccountRecord = AccountSyncBody.extend({ username: AccountUsername }).meta({ id: "AccountRecord" });
export type AccountRecord = z.infer<typeof AccountRecord>;

export const AccountUsernameParam = z.object({
  username: AccountUsername.meta({ param: { name: "username", in: "path" }, example: "maria.lopez" }),
});

/** A line of an import that was refused, and why; nothing of it was written. */
export const ImportRejection = z
  .object({
    line: z.number().int().min(1).meta({ description: "The line of the request body, counting from 1." }),
    errors: z
      .array(FieldError)
      .meta({ description: "Each problem by the field's path in the record (empty path: the whole line)." }),
  })
  .meta({ id: "ImportRejection" });

export const AccountImportResult = z
  .object({
    created: z.number().int().meta({ description: "Accounts created." }),
    updated: z.number().int().meta({ description: "Accounts that existed and were changed." }),
    unchanged: z.number().int().meta({ description: "Accounts already as the line says: nothing written." }),
    rejected: z.array(ImportRejection).meta({ description: "The refused lines, in order (the first 1,000)." }),
    rejectedCount: z.number().int().meta({ description: "How many lines were refused in all." }),
  })
  .meta({ id: "AccountImportResult" });
export type AccountImportResult = z.infer<typeof AccountImportResult>;

/** A change the system of record reports on an account, for its risk. */
export const AccountEventBody = z
  .object({
    username: AccountUsername,
    kind: z.enum(["email_changed", "phone_changed"]).meta({ description: "What changed on file." }),
    occurredAt: Timestamp.meta({
      description:
        "When it changed in the system of record; not in the future. An earlier time than the one on file changes nothing.",
    }),
  })
  .meta({ id: "AccountEvent" });
export type AccountEventBody = z.infer<typeof AccountEventBody>;

export const AccountEventReceipt = z.object({ status: z.literal("accepted") }).meta({
  id: "AccountEventReceipt",
  description: "The same answer whether or not the username is known.",
});
export type AccountEventReceipt = z.infer<typeof AccountEventReceipt>;
