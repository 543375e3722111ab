import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { CreatedApiKey } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, idempotencyKeys } from "../db/schema/index.ts";
import { HOUR } from "../lib/clock.ts";
import { hashSecret } from "../security/hashing.ts";
import { accountByUsername } from "../test/accounts.ts";
import { answerOf, createTestContext, type TestContext } from "../test/context.ts";
import { type JsonSchema, loadDocument, type OpenApiDocument } from "../test/hostile/openapi.ts";

/**
 * A request body that carries a secret must not be kept as a fast hash by idempotency: anyone who
 * reads the database could guess the answer or password behind a SHA-256 offline. Such routes say
 * `secretBody: true` (`x-secret-body` in the document), and their bodies are kept as argon2id.
 */
let t: TestContext;
let ava: string;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestContext();
  ava = await t.signIn("ava.agent");
  doc = await loadDocument(t);
});
afterAll(() => t.close());

/** Field names that hold a secret when a client sends them. */
const SECRET_FIELD = /answer|password|passphrase|secret|token|^code$|^otp$|^pin$/i;

/** Every property name anywhere in a schema, following `$ref`s into the document's components. */
function fieldNames(schema: JsonSchema | undefined, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.replace("#/components/schemas/", "");
    if (seen.has(name)) return [];
    seen.add(name);
    return fieldNames(doc.components.schemas[name], seen);
  }
  const nested = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.items ? [schema.items] : []),
    ...(typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ];
  return [...Object.keys(schema.properties ?? {}), ...nested.flatMap((s) => fieldNames(s, seen))];
}

const sha256Of = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

const storedRow = async (key: string) => {
  const [row] = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  if (!row) throw new Error(`no row for ${key}`);
  return row;
};

describe("routes whose request body carries a secret", () => {
  it("say so, every one of them", () => {
    const marked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const flagged = (op as { "x-secret-body"?: unknown })["x-secret-body"];
        const secrets = Object.values(op.requestBody?.content ?? {})
          .flatMap((media) => fieldNames(media.schema))
          .filter((name) => SECRET_FIELD.test(name));
        const label = `${method.toUpperCase()} ${path}`;
        if (flagged === true) marked.push(label);
        if (secrets.length) {
          expect(flagged, `${label} takes ${secrets.join(", ")}: give it secretBody: true`).toBe(true);
        }
      }
    }
    expect(marked).toEqual(
      expect.arrayContaining([
        "POST /api/v1/verifications/{id}/answers",
        "POST /api/v1/verifications/{id}/code",
        "PUT /api/v1/accounts/by-username/{username}",
        "POST /api/v1/temporary-passwords/check",
      ]),
    );
  });
});

describe("idempotency of a request that carries a secret", () => {
  let questions: { id: string }[];
  let verificationId: string;

  beforeAll(async () => {
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    const started = await answerOf(
      await t.api(ava).accounts[":id"].verifications.$post({
        param: { id: kim.id },
        json: { method: "security_questions", caseRef: "CASE-7" },
      }),
      201,
    );
    verificationId = started.id;
    questions = started.questions ?? [];
  });

  const answers = (said: string[]) => ({ answers: questions.map((q, i) => ({ questionId: q.id, answer: said[i] })) });
  const send = (key: string, body: unknown) =>
    t.request(`/api/v1/verifications/${verificationId}/answers`, {
      cookie: ava,
      body,
      headers: { "idempotency-key": key },
    });

  it("keeps no fast hash of the body, replays the same body, and refuses another one", async () => {
    const right = answers(["Mrs. Park", "Oak Avenue"]);
    const first = await send("answers-once", right);
    expect(first.status).toBe(200);
    const firstBody = await first.json();

    const row = await storedRow("answers-once");
    const text = JSON.stringify(right);
    expect(row.requestHash).not.toContain(sha256Of(`POST /api/v1/verifications/${verificationId}/answers\n${text}`));
    expect(row.requestHash).not.toContain(sha256Of(text));
    expect(row.requestHash).not.toContain("Park");
    expect(row.requestHash).toMatch(/^\$argon2id\$/);

    const again = await send("answers-once", right);
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(await again.json()).toEqual(firstBody);

    // Other answers under the same key never get the first answer ("verified"): a conflict.
    const other = await send("answers-once", answers(["Mrs. Kim", "Elm Street"]));
    expect(other.status).toBe(409);
    expect(other.headers.get("idempotency-replayed")).toBeNull();
    expect(await other.json()).toMatchObject({ code: "conflict" });
  });

  it("keeps a fast hash for a request without a secret", async () => {
    const kim = await accountByUsername(t.database.db, "kim.nguyen");
    const body = { method: "security_questions", caseRef: "CASE-8" };
    const res = await t.request(`/api/v1/accounts/${kim.id}/verifications`, {
      cookie: ava,
      body,
      headers: { "idempotency-key": "start-plain" },
    });
    expect(res.status).toBe(201);
    const row = await storedRow("start-plain");
    expect(row.requestHash).toBe(sha256Of(`POST /api/v1/accounts/${kim.id}/verifications\n${JSON.stringify(body)}`));
  });
});

describe("idempotency of a temporary password check", () => {
  it("replays a check only for the same password: another one under the key is a conflict, never `valid`", async () => {
    const admin = await t.signIn("ada.admin");
    const created = await t.request("/api/v1/api-keys", {
      cookie: admin,
      body: { name: "Login service", scopes: ["login-events:write"] },
    });
    const { key: apiKey } = (await created.json()) as CreatedApiKey;
    const password = "k7Rm-2Px9-Qa4T-wZ8n";
    await t.database.db
      .update(accounts)
      .set({
        temporaryPasswordHash: await hashSecret(password),
        temporaryPasswordExpiresAt: new Date(t.clock.now().getTime() + 24 * HOUR),
        mustChangePassword: true,
      })
      .where(eq(accounts.username, "kim.nguyen"));
    const check = (candidate: string) =>
      t.request("/api/v1/temporary-passwords/check", {
        body: { username: "kim.nguyen", password: candidate },
        headers: { authorization: `Bearer ${apiKey}`, "idempotency-key": "check-once" },
      });

    const first = await check(password);
    expect(await first.json()).toMatchObject({ valid: true });
    const row = await storedRow("check-once");
    expect(row.requestHash).toMatch(/^\$argon2id\$/);
    expect(row.requestHash).not.toContain(
      sha256Of(`POST /api/v1/temporary-passwords/check\n${JSON.stringify({ username: "kim.nguyen", password })}`),
    );

    const again = await check(password);
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(await again.json()).toMatchObject({ valid: true });

    const guess = await check("not-the-password");
    expect(guess.status).toBe(409);
    expect(await guess.json()).not.toHaveProperty("valid");
  });
});
