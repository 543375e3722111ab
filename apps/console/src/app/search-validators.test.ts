import { ACCOUNT_STATUSES, AccountStatusSchema, AUDIT_ACTIONS, MERGE_STATUSES } from "@recovery-desk/shared";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnswerSchema } from "../api/answer-schema.ts";
import { AuditSearch } from "../features/audit/audit-search.ts";
import { MergesSearch } from "../features/merges/merge-search.ts";
import { AccountSearchSearch } from "../features/search/search-schema.ts";
import { SignInSearch } from "../features/sign-in/sign-in-schema.ts";

/*
 * The pages' URL checks are valibot schemas (they load with the first page, zod does not). These are
 * the zod schemas they stand for; each check must give the same answer for every URL, including which
 * keys it returns with nothing in them (the router keeps a raw value whose key the check leaves out).
 * The checks are read as the router reads them, through Standard Schema.
 */

const isSafeReturnPath = (path: string) =>
  path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith("/login");
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined);
const instant = z.iso.datetime().optional().catch(undefined);

const references = {
  signIn: z.object({
    redirect: z.string().refine(isSafeReturnPath).optional().catch(undefined),
    session: z.literal("ended").optional().catch(undefined),
  }),
  accountSearch: z.object({
    q: z
      .string()
      .trim()
      .max(200)
      .transform((q) => q || undefined)
      .optional()
      .catch(undefined),
    status: AccountStatusSchema.optional().catch(undefined),
  }),
  audit: z.object({
    account: text(64),
    accountId: text(64),
    actor: text(64),
    actorId: text(64),
    action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
    caseRef: text(64),
    from: instant,
    to: instant,
    q: z.string().trim().min(2).max(200).optional().catch(undefined),
  }),
  merges: z.object({
    status: z.enum(MERGE_STATUSES).optional().catch(undefined),
    view: z.enum(["clusters"]).optional().catch(undefined),
  }),
};

const checks = {
  signIn: SignInSearch,
  accountSearch: AccountSearchSearch,
  audit: AuditSearch,
  merges: MergesSearch,
};

function check(schema: AnswerSchema<unknown>, search: Record<string, unknown>): unknown {
  const result = schema["~standard"].validate(search);
  if (result instanceof Promise) throw new Error("A URL check answers at once.");
  if (result.issues) throw new Error(`The URL was refused: ${JSON.stringify(result.issues)}`);
  return result.value;
}

const long = (n: number) => "x".repeat(n);
const values: unknown[] = [
  undefined,
  null,
  "",
  " ",
  "  maria  ",
  "x",
  "xy",
  " xy ",
  long(64),
  ` ${long(64)} `,
  long(65),
  long(200),
  long(201),
  "/accounts?q=tom",
  "//evil.example/phish",
  "/\\evil.example",
  "/login?redirect=/x",
  "https://evil.example/",
  "ended",
  "clusters",
  "locked",
  ...ACCOUNT_STATUSES,
  ...MERGE_STATUSES,
  "account.unlocked",
  "account.exploded",
  ...AUDIT_ACTIONS.slice(0, 3),
  "2026-11-23T14:05:00Z",
  "2026-11-23T14:05:00.250Z",
  "2026-11-23T14:05Z",
  "2026-11-23T14:05:00+01:00",
  "2026-11-23T14:05:00",
  "2024-02-29T00:00:00Z",
  "2023-02-29T00:00:00Z",
  "2026-04-31T00:00:00Z",
  "2000-02-29T00:00:00Z",
  "1900-02-29T00:00:00Z",
  "0000-02-29T00:00:00Z",
  "0004-02-29T00:00:00Z",
  "0100-02-29T00:00:00Z",
  "2026-00-10T00:00:00Z",
  "2026-13-01T00:00:00Z",
  "2026-06-00T00:00:00Z",
  "2026-06-31T00:00:00Z",
  "2026-01-31T00:00:00Z",
  "2026-11-23T14:60:00Z",
  "2026-12-31T23:59:59.999999Z",
  "2026-11-23T24:00:00Z",
  "yesterday",
  62701,
  true,
  ["a"],
  { a: 1 },
];

describe("the URL checks of the pages", () => {
  for (const [name, schema] of Object.entries(checks)) {
    const reference = references[name as keyof typeof references];
    const keys = Object.keys(reference.shape);

    it(`${name}: the same answer as its schema for every value of every key`, () => {
      for (const key of keys) {
        for (const value of values) {
          const search = { [key]: value, other: "kept by the router, not the check" };
          expect(check(schema, search), `${key}=${JSON.stringify(value)}`).toStrictEqual(reference.parse(search));
        }
      }
    });

    it(`${name}: keys missing from the URL stay missing`, () => {
      expect(check(schema, {})).toStrictEqual(reference.parse({}));
      expect(Object.keys(check(schema, {}) as object)).toEqual([]);
    });
  }
});
