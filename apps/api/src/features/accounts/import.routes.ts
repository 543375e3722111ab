import { AccountImportResult } from "@recovery-desk/shared";
import { z } from "zod";
import { keyScope } from "../../auth/access.ts";
import { actorOf } from "../../auth/principal.ts";
import { ApiError } from "../../http/errors.ts";
import { IDEMPOTENCY_HEADER } from "../../http/idempotency.ts";
import { createRouter, defineRoute, jsonAnswer, problemAnswer } from "../../http/router.ts";
import { importAccounts, type Rejection } from "./import.ts";
import { readNdjson } from "./import-formats.ts";

/**
 * The import's body is read as a stream, a batch at a time, so the API's 64 KB limit does not
 * apply to it; this one does, counted as the body arrives. A body sent with an Idempotency-Key is
 * held whole to compare retries, so it is capped by the same number before anything is read.
 */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
export const IMPORT_PATH = "/api/v1/accounts/import";

const NDJSON = "application/x-ndjson";
/** The refused lines an answer lists; `rejectedCount` counts them all. */
const LISTED_REJECTIONS = 1000;

export const importTooLarge = () =>
  new ApiError(
    "payload_too_large",
    `The import is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. The batches read before the limit are written; send the rest as another import.`,
  );

const record = (username: string, first: string, last: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    username,
    displayName: `${first} ${last}`,
    firstName: first,
    lastName: last,
    email: `${username}@example.com`,
    emailVerified: true,
    phone: "(217) 555-0142",
    phoneVerified: true,
    language: "en",
    addresses: [{ kind: "home", line1: "1200 N Main Street", city: "Springfield", state: "IL", zip: "62701" }],
    ...extra,
  });

const EXAMPLE_BODY = [
  record("maria.lopez", "Maria", "Lopez", {
    securityQuestions: [
      { prompt: "In what city were you born?", answer: "San Antonio" },
      { prompt: "What was the name of your first pet?", answer: "Biscuit" },
    ],
  }),
  record("tom.becker", "Tom", "Becker", { language: "de" }),
  record("ana.silva", "Ana", "Silva", {
    addresses: [{ kind: "home", line1: "1200 N Main Street", city: "Springfield", state: "IL", zip: "627" }],
  }),
  "",
].join("\n");

const importRoute = defineRoute({
  method: "post",
  path: "/accounts/import",
  operationId: "importAccounts",
  tags: ["Accounts"],
  summary: "Import accounts from the system of record (NDJSON)",
  description: [
    "Creates or updates many accounts at once: one account record a line (`application/x-ndjson`), each the body of `PUT /accounts/by-username/{username}` plus its `username`, checked the same way and written by the same code (answers hashed on arrival, search text and address keys computed, each change audited).",
    "The body is read as a stream and written in batches of 500, one transaction each, so it may be up to 100 MB (the API's 64 KB limit does not apply here). Importing is idempotent by username: an account already as its line says is `unchanged` and nothing is written, so sending a file again — say after a broken connection, when the batches before the break are already in — creates no duplicates.",
    "A refused line is listed with its line number (from 1) and the problem of each field, never its content; nothing of it is written and the other lines go on. For files beyond a few tens of thousands of accounts with security answers (hashing takes time, and a request may last at most five minutes), use `pnpm accounts:import`.",
  ].join("\n\n"),
  access: { scope: "accounts:write" },
  secretBody: true,
  request: {
    body: {
      required: true,
      content: {
        [NDJSON]: {
          schema: z.string().meta({ description: "One account record (`AccountRecord`) as JSON a line." }),
          example: EXAMPLE_BODY,
        },
      },
    },
  },
  responses: {
    200: jsonAnswer(
      "What the import did: accounts created, changed and unchanged, and the lines refused.",
      AccountImportResult,
      {
        created: 1,
        updated: 1,
        unchanged: 0,
        rejected: [
          { line: 3, errors: [{ path: "username", message: "A username has no spaces or control characters." }] },
        ],
        rejectedCount: 1,
      },
    ),
    413: problemAnswer(
      "The body is larger than 100 MB (`payload_too_large`); the batches read before the limit are written.",
    ),
    415: problemAnswer("The body is not `application/x-ndjson` (`unsupported_media_type`)."),
  },
});

/** The body's chunks as they arrive, refusing it once it passes the limit. */
async function* limited(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.length;
    if (total > IMPORT_MAX_BYTES) {
      await reader.cancel();
      throw importTooLarge();
    }
    yield value;
  }
}

export const accountImportRoutes = createRouter().openapi(importRoute, async (c) => {
  const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== NDJSON) {
    throw new ApiError(
      "unsupported_media_type",
      "Send the accounts as application/x-ndjson, one account record a line.",
    );
  }
  if (Number(c.req.header("content-length") ?? 0) > IMPORT_MAX_BYTES) throw importTooLarge();
  const { deps, key, origin } = keyScope(c);
  // With an Idempotency-Key the body has already been read whole (and capped) to compare retries.
  const chunks = c.req.header(IDEMPOTENCY_HEADER) === undefined ? limited(c.req.raw.body) : [await c.req.text()];
  const rejected: Rejection[] = [];
  const counts = await importAccounts(deps.database.db, readNdjson(chunks), {
    actor: actorOf(key),
    origin,
    now: () => deps.clock.now(),
    onRejected: (rejection) => {
      if (rejected.length < LISTED_REJECTIONS) rejected.push(rejection);
    },
  });
  const { created, updated, unchanged } = counts;
  return c.json({ created, updated, unchanged, rejected, rejectedCount: counts.rejected }, 200);
});
