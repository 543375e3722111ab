/**
 * Hostile input against every operation of the OpenAPI document, generated from the document's
 * own schemas with fast-check. For each operation two batches run:
 *
 * - requests the document says are wrong in exactly one way (a field of the wrong type or length,
 *   a missing field, an array for an object, malformed JSON, the wrong content type, an oversized
 *   body, a key in the URL, a cursor the list never gave out, a bad Idempotency-Key, a cross-origin
 *   write), sent by a caller with access and anonymously: each must be refused with the expected
 *   problem, and together they must leave the database exactly as it was;
 * - valid-ish requests (within the schemas, full of hostile text: NUL, lone surrogates, RTL marks,
 *   huge strings, `__proto__` members, odd path segments, cursors rebuilt from real ones with
 *   hostile JSON inside): the API may accept or refuse them, but never with a 5xx, and every refusal
 *   is a documented problem, and a refusal (other than a counted failed attempt) leaves the database
 *   exactly as it was, compared after each such request.
 *
 * The seed is fixed; fast-check prints it with the failing request's path on failure. Another
 * seed: `FUZZ_SEED=123 pnpm vitest run --project "api (pglite)" src/http/fuzz.test.ts` (and `FUZZ_RUNS`
 * for more requests per batch).
 */
import type { ApiScope } from "@recovery-desk/shared";
import { API_SCOPES } from "@recovery-desk/shared";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { appendAuditEvents, SYSTEM_ACTOR } from "../audit/append.ts";
import { alerts, auditEvents } from "../db/schema/index.ts";
import { raiseAlert } from "../features/alerts/raise.ts";
import { accountByUsername } from "../test/accounts.ts";
import { answerOf, createTestContext } from "../test/context.ts";
import {
  type HostileRequest,
  type KnownIds,
  RAW_SEGMENTS,
  REFUSALS,
  type RefusalKind,
  refusedRequest,
  urlOf,
  validishRequest,
} from "../test/hostile/arbitraries.ts";
import { anonymous, type Caller, createKey, keyCaller, staffCaller } from "../test/hostile/callers.ts";
import {
  changedTables,
  FINGERPRINT_EXCLUSIONS,
  fingerprint,
  fingerprintedTables,
  type TableShape,
} from "../test/hostile/fingerprint.ts";
import {
  documentedErrorCodes,
  documentValidator,
  loadDocument,
  type Operation,
  operationsOf,
} from "../test/hostile/openapi.ts";
import { verifyByCode, verifyByQuestions } from "../test/verify.ts";

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Runs per operation and batch; raise it (`FUZZ_RUNS=300`) for a longer hunt. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

/** Refusals that record something by design: a failed sign-in or verification attempt is counted and audited. */
const RECORDING_REFUSALS = new Set(["invalid_credentials", "verification_failed", "verification_locked"]);
/** Refusals a caller without a credential can get before the sign-in check. */
const BEFORE_SIGN_IN: RefusalKind[] = ["body.too-large", "header.cross-origin", "query.key-in-url"];

// Request-rate limits would turn a long batch into 429s before validation is reached.
const t = await createTestContext({ rateLimits: { perStaffPerMinute: 1_000_000, perKeyPerMinute: 1_000_000 } });
const doc = await loadDocument(t);
const operations = operationsOf(doc);
const problemSchema = documentValidator(doc, "Problem");
const errorCodes = new Set(documentedErrorCodes(doc));
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

let tables: TableShape[];
let ids: KnownIds;
/** Cursors each list operation gave out, by operation label: the fuzz takes them apart. */
const cursors = new Map<string, string[]>();
const keys = new Map<ApiScope, Caller>();
/** Statuses answered that the operation does not list in the document. */
const undocumented = new Map<string, Set<number>>();
const counts = { requests: 0, refused: 0, validish: 0, operations: 0, comparedBatches: 0, comparedCalls: 0 };
/**
 * The fewest refused valid-ish requests after which the whole database must have been compared,
 * over every operation at the default `FUZZ_RUNS` (about 800 are): a change that stops the
 * comparisons from happening fails the fuzz instead of passing it quietly.
 */
const MIN_COMPARED_CALLS = Math.floor((RUNS * 400) / 30);

beforeAll(async () => {
  tables = await fingerprintedTables(t.database.db);
  const admin = await t.signIn("ada.admin");
  const ava = await t.signIn("ava.agent");
  for (const scope of API_SCOPES) keys.set(scope, keyCaller(await createKey(t, admin, `fuzz ${scope}`, [scope])));

  // Real ids to aim at, so valid-ish requests also reach past "not found".
  const target = await createKey(t, admin, "fuzz target", ["accounts:read"]);
  const staffRes = await t.api(admin).staff.$post({
    json: { username: "fuzz.target", displayName: "Fuzz Target", role: "agent" },
  });
  const targetStaff = (await answerOf(staffRes, 201)).staff.id;
  const account = async (username: string) => (await accountByUsername(t.database.db, username)).id;
  const [maria, tom, ana, ana1984, kim] = await Promise.all(
    ["maria.lopez", "tom.becker", "ana.silva", "anasilva1984", "kim.nguyen"].map(account),
  );
  // Open verified windows, so recovery actions and merges get past `verification_required`.
  await verifyByQuestions(t, ava, maria as string, ["Biscuit", "San Antonio"], "CASE-FUZZ");
  await verifyByCode(t, ava, ana as string, "otp_email", "ana.silva@example.com", "CASE-FUZZ");
  const proposeAnas = async () =>
    answerOf(
      await t.api(ava).merges.$post({
        json: {
          survivorId: ana as string,
          mergedIds: [ana1984 as string],
          reason: "Same person, two accounts",
          caseRef: "CASE-FUZZ",
        },
      }),
      201,
    );
  const merge = await proposeAnas();
  const started = await Promise.all(
    (["security_questions", "otp_email"] as const).map(async (method) => {
      const res = await t
        .api(ava)
        .accounts[":id"].verifications.$post({ param: { id: kim as string }, json: { method } });
      return (await answerOf(res, 201)).id;
    }),
  );
  // A webhook with two deliveries queued, so its deliveries list has a next page.
  const webhook = await answerOf(
    await t.api(admin).webhooks.$post({ json: { url: "https://hooks.example.com/fuzz", events: ["account.locked"] } }),
    201,
  );
  const origin = { requestId: null, ip: null };
  const locked = { at: t.clock.now(), actor: SYSTEM_ACTOR, action: "account.locked" as const, accountId: tom, origin };
  await t.database.db.transaction((tx) => appendAuditEvents(tx, [locked, locked]));
  // Two alerts, so the alerts list has a next page.
  for (const detail of ["A notice could not be delivered.", "Another notice could not be delivered."]) {
    const at = t.clock.now();
    await t.database.db.transaction((tx) => raiseAlert(tx, { kind: "notice_undeliverable", detail, at, origin }));
  }
  const [alert] = await t.database.db.select({ id: alerts.id }).from(alerts).limit(1);
  ids = {
    accounts: [maria, tom, ana, ana1984, kim] as string[],
    verifications: started,
    merges: [merge.id],
    staff: [targetStaff],
    "api-keys": [target.id],
    webhooks: [webhook.id],
    alerts: [alert?.id as string],
  };
  for (const [name, list] of Object.entries(ids)) {
    if (list.some((id) => !id)) throw new Error(`A ${name} id for the fuzz is missing`);
  }

  // A second merge (the first rejected, then proposed again), so the merges list has a next page.
  const sam = await t.signIn("sam.supervisor");
  await t.api(sam).merges[":id"].reject.$post({ param: { id: merge.id }, json: { reason: "Proposed again below" } });
  const again = await proposeAnas();
  ids.merges = [again.id];
  // A real cursor from every list, pages of one, to build hostile cursors on.
  for (const op of operations.filter((o) => o.queryParams.some((p) => p.name === "cursor"))) {
    const [caller] = await callersWithAccess(op);
    // An id of the collection the path names (an account's timeline, a webhook's deliveries).
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string, at: number) =>
      name === "id" ? (ids[op.path.slice(0, at).split("/").at(-2) ?? ""]?.[0] ?? "x") : "x",
    );
    const res = await t.app.request(`${path}?limit=1`, { headers: caller?.headers ?? {} });
    const next = ((await res.json()) as { nextCursor?: string | null }).nextCursor;
    if (!next) throw new Error(`${op.label} gave out no cursor for the fuzz to build on`);
    cursors.set(op.label, [next]);
  }
});

afterAll(async () => {
  console.warn(
    `fuzz: ${counts.operations} of ${operations.length} operations, ${counts.requests} requests (${counts.refused} refused by design, ${counts.validish} valid-ish); ` +
      `database compared after ${counts.comparedBatches} batches of malformed requests and ${counts.comparedCalls} refused valid-ish requests`,
  );
  await t.close();
  // Only a run of every operation is held to the minimum (a run filtered with -t is not).
  if (counts.operations === operations.length) {
    expect(counts.comparedCalls, "refused valid-ish requests compared").toBeGreaterThanOrEqual(MIN_COMPARED_CALLS);
  }
});

/** Who may call the operation according to the document, each with a fresh session. */
async function callersWithAccess(op: Operation): Promise<Caller[]> {
  const access = op.access;
  if (access === undefined) throw new Error(`${op.label} does not say who may call it (x-access)`);
  if (access === "public") return [anonymous];
  if (typeof access === "string") return [await staffCaller(t, access)];
  const callers: Caller[] = [];
  if (access.role) callers.push(await staffCaller(t, access.role));
  const key = access.scope && keys.get(access.scope as ApiScope);
  if (key) callers.push(key);
  return callers;
}

interface Answer {
  status: number;
  code: string | undefined;
}

/** Sends one request and checks what every answer must be: no 5xx, and refusals as documented problems. */
async function send(op: Operation, caller: Caller, request: HostileRequest): Promise<Answer> {
  const url = urlOf(op, request);
  const where = `${op.label} as ${caller.name} (${request.kind}): ${request.body?.slice(0, 300) ?? ""} → ${url.slice(0, 300)}`;
  counts.requests++;
  const res = await t.app.request(url, {
    method: op.method,
    headers: { ...request.headers, ...caller.headers },
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  const text = await res.text();
  if (res.status >= 500) throw new Error(`${where}\nanswered ${res.status}: ${text.slice(0, 500)}`);
  // A raw segment such as `..` may name another route, or none: its 404 is not this operation's.
  const rawPath = Object.values(request.pathValues).some((value) => RAW_SEGMENTS.includes(value));
  if (!op.statuses.includes(String(res.status)) && !(rawPath && res.status === 404)) {
    undocumented.set(op.label, (undocumented.get(op.label) ?? new Set()).add(res.status));
  }
  if (res.status < 400) return { status: res.status, code: undefined };

  const type = res.headers.get("content-type") ?? "";
  if (!type.startsWith("application/problem+json")) throw new Error(`${where}\nrefused as ${type}: ${text}`);
  const body = JSON.parse(text) as Record<string, unknown>;
  const parsed = problemSchema.safeParse(body);
  if (!parsed.success) throw new Error(`${where}\nnot a documented problem: ${text}\n${parsed.error.message}`);
  if (!errorCodes.has(String(body.code))) throw new Error(`${where}\nundocumented code: ${text}`);
  if (body.status !== res.status) throw new Error(`${where}\nproblem status ${body.status} on a ${res.status}`);
  if (body.requestId !== res.headers.get("x-request-id")) throw new Error(`${where}\nrequest id differs: ${text}`);
  return { status: res.status, code: String(body.code) };
}

/** The problem a request wrong in one way must get: without a credential, most are 401 first. */
function expectedCode(op: Operation, caller: Caller, kind: RefusalKind): string {
  if (op.access === "public" || caller.kind !== "anonymous" || BEFORE_SIGN_IN.includes(kind)) return REFUSALS[kind];
  return "unauthenticated";
}

let keySeq = 0;
/**
 * The request with its Idempotency-Key made unique: a refused request's answer is kept under its
 * key, and a key used again with another body is rightly a conflict before any validation.
 */
function withFreshKey(request: HostileRequest): HostileRequest {
  const key = request.headers["idempotency-key"];
  if (key === undefined || request.kind === "header.idempotency-key") return request;
  return { ...request, headers: { ...request.headers, "idempotency-key": `${key}-${++keySeq}` } };
}

/** One of the arbitraries by weight, or undefined when there are none. */
function weighted<T>(items: Array<{ weight: number; arbitrary: fc.Arbitrary<T> }>): fc.Arbitrary<T> | undefined {
  const kept = items.filter((item) => item.weight > 0);
  return kept.length ? fc.oneof(...kept) : undefined;
}

// What earlier runs of this fuzz found, pinned down so each fix stays fixed.
describe("what the fuzz found", () => {
  it("refuses a NUL or a lone surrogate in any field with validation_failed naming it, not a 500", async () => {
    const agent = (await staffCaller(t, "agent")).headers;
    const path = await t.app.request("/api/v1/accounts/acc%00x", { headers: agent });
    expect(path.status).toBe(400);
    expect(await path.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "param.id" }] });
    const query = await t.app.request("/api/v1/accounts?q=maria%00", { headers: agent });
    expect(await query.json()).toMatchObject({ code: "validation_failed", errors: [{ path: "query.q" }] });
    // A lone surrogate can only come as a JSON escape: in a URL it is not valid UTF-8 and stays encoded.
    const login = await t.request("/api/v1/auth/login", { body: '{"username":"ava\\ud800","password":"x\\u0000"}' });
    expect(await login.json()).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "json.username" }, { path: "json.password" }],
    });
  });

  it("answers a body that is not JSON with 415 unsupported_media_type, as documented", async () => {
    const res = await t.request("/api/v1/auth/login", {
      body: '{"username":"ava.agent","password":"x"}',
      headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: "unsupported_media_type", status: 415 });
    expect(doc.paths["/api/v1/auth/login"]?.post?.responses).toHaveProperty("415");
  });

  it("keeps a problem's numeric status when it carries the account's status", async () => {
    // Its own world: the fuzz below may have changed Ana Silva's account.
    const own = await createTestContext();
    try {
      const ava = await own.signIn("ava.agent");
      const ana = (await accountByUsername(own.database.db, "ana.silva")).id;
      await verifyByCode(own, ava, ana, "otp_email", "ana.silva@example.com", "CASE-FUZZ");
      // ana.silva is active: there is nothing to reactivate.
      const res = await own.request(`/api/v1/accounts/${ana}/reactivate`, {
        cookie: ava,
        body: { reason: "Caller asked" },
      });
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ code: "invalid_transition", status: 409, accountStatus: "active" });
    } finally {
      await own.close();
    }
  });

  it("answers an audit export whose query fails with a problem, not a 200 with an empty file", async () => {
    const failing = new Proxy(t.database.db, {
      get(target, key) {
        if (key !== "select") return Reflect.get(target, key);
        return (...args: Parameters<typeof target.select>) => {
          const query = target.select(...args);
          return new Proxy(query, {
            get(inner, name) {
              if (name !== "from") return Reflect.get(inner, name);
              return (table: unknown) => {
                if (table === auditEvents) throw new Error("the audit events cannot be read");
                return inner.from(table as typeof auditEvents);
              };
            },
          });
        };
      },
    });
    const app = createApp({ ...t.deps, database: { ...t.database, db: failing } });
    const res = await app.request("/api/v1/audit-events/export?format=ndjson", {
      headers: (await staffCaller(t, "supervisor")).headers,
    });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ code: "internal" });
  });
});

describe("hostile input to every documented operation", () => {
  it("covers every operation of the document", () => {
    expect(operations.length).toBeGreaterThanOrEqual(30);
  });

  for (const [index, op] of operations.entries()) {
    it(`${op.label}: refuses malformed requests without changing data, never fails on valid-ish ones, answers only documented statuses and leaves Object.prototype alone`, async () => {
      const withAccess = await callersWithAccess(op);
      const others = op.access === "public" ? [] : [anonymous];
      let before = await fingerprint(t.database.db, tables);

      // 1. Requests wrong in one way: refused with the expected problem, nothing written.
      const refused = weighted(
        [...withAccess.map((c) => ({ c, w: 3 })), ...others.map((c) => ({ c, w: 1 }))].flatMap(({ c, w }) => {
          const request = refusedRequest(op, ids, c.kind !== "anonymous", cursors.get(op.label));
          return request ? [{ weight: w, arbitrary: request.map((r) => ({ caller: c, request: r })) }] : [];
        }),
      );
      if (refused) {
        await fc.assert(
          fc.asyncProperty(refused, async ({ caller, request: generated }) => {
            counts.refused++;
            const request = withFreshKey(generated);
            const answer = await send(op, caller, request);
            const expected = expectedCode(op, caller, request.kind as RefusalKind);
            if (answer.code !== expected) {
              throw new Error(
                `${op.label} as ${caller.name} (${request.kind}) answered ${answer.status} ${answer.code}, expected ${expected}: ${urlOf(op, request).slice(0, 200)} ${request.body?.slice(0, 200) ?? ""}`,
              );
            }
          }),
          { seed: SEED + index, numRuns: RUNS },
        );
        const after = await fingerprint(t.database.db, tables);
        expect(changedTables(before, after), `tables changed by refused requests to ${op.label}`).toEqual([]);
        counts.comparedBatches++;
        before = after;
      }

      // 2. Valid-ish requests: accepted or refused, never a 5xx; a refusal that acts on nothing changes nothing.
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            ...withAccess.map((c) => ({ weight: 3, arbitrary: fc.constant(c) })),
            ...others.map((c) => ({ weight: 1, arbitrary: fc.constant(c) })),
          ),
          validishRequest(op, ids, true, cursors.get(op.label)),
          async (caller, request) => {
            counts.validish++;
            const answer = await send(op, caller, request);
            const after = await fingerprint(t.database.db, tables);
            const changed = changedTables(before, after);
            before = after;
            if (answer.status < 400 || RECORDING_REFUSALS.has(answer.code ?? "")) return;
            if (changed.length > 0) {
              throw new Error(
                `${op.label} as ${caller.name} refused a valid-ish request with ${answer.code} and changed ${changed.join(", ")}: ${urlOf(op, request).slice(0, 200)} ${request.body?.slice(0, 200) ?? ""}`,
              );
            }
            counts.comparedCalls++;
          },
        ),
        { seed: SEED + 1_000 + index, numRuns: RUNS },
      );
      counts.operations++;
      expect([...(undocumented.get(op.label) ?? [])], `statuses ${op.label} answered but does not document`).toEqual(
        [],
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort(), "Object.prototype after the fuzz").toEqual(
        prototypeBefore,
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 120_000);
  }

  it("fingerprints every table except the documented exclusions", () => {
    const names = tables.map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(["accounts", "audit_events", "sessions", "rate_limit_counters"]));
    for (const excluded of Object.keys(FINGERPRINT_EXCLUSIONS.tables)) expect(names).not.toContain(excluded);
  });
});
