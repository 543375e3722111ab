import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { PROBLEM_DETAILS, RECOVERY_POLICY } from "@recovery-desk/shared";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { matchedRoutes } from "hono/route";
import type { Db } from "../db/client.ts";
import { auditEvents, idempotencyKeys } from "../db/schema/index.ts";
import { hashSecret, verifySecret } from "../security/hashing.ts";
import type { AppEnv } from "./context.ts";
import { ApiError, problemBody } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/** An `in_flight` key older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 60_000;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * Marks a route whose request body carries a secret (an answer, a password, a code). `defineRoute`
 * puts it in the route's middleware when the route says `secretBody: true`; it does nothing itself.
 */
export const secretBody = createMiddleware<AppEnv>((_c, next) => next());

const carriesSecret = (c: Context<AppEnv>) => matchedRoutes(c).some((route) => route.handler === secretBody);

/**
 * What is kept of a request to tell a retry from another request with the same key. A fast
 * SHA-256 of an ordinary request; argon2id with a random salt (on the hashing threads) when its
 * body carries a secret, so the stored row is as hard to guess an answer or password from as the
 * answer hashes themselves.
 */
interface Fingerprint {
  stored: string;
  matches(stored: string): Promise<boolean>;
}

async function fingerprintOf(request: string, secret: boolean): Promise<Fingerprint> {
  if (secret) {
    return { stored: await hashSecret(request), matches: (stored) => verifySecret(stored, request) };
  }
  const stored = encodeHexLowerCase(sha256(new TextEncoder().encode(request)));
  return { stored, matches: async (other) => other === stored };
}

type Claim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown } | { kind: "answer_lost" };

/**
 * Stripe-style idempotency for state-changing calls. The first request with a key runs and its
 * answer is kept for 24 hours; the same key with the same request replays that answer without
 * acting again; the same key with another request, or while the first still runs, is a conflict.
 * Answers of 500 and above are not kept, so a retry can succeed. An answer that carries a secret
 * (a new API key, an initial password) is never kept either: its replay is a conflict instead.
 *
 * A request whose body carries a secret keeps only a salted argon2id hash of it (see `Fingerprint`):
 * the same body replays, another body is a conflict, as for every request.
 *
 * A request whose process died (a crash, a kill, a deploy) leaves its key `in_flight`; a retry
 * takes it over after a minute. If the first run had already committed its change — every change
 * writes audit events under the request's id in its own transaction — the change is not made again:
 * the retry, and every later one, gets a conflict that says the change was made but its answer lost.
 */
export const idempotency = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  const principal = c.var.principal;
  if (SAFE_METHODS.has(c.req.method) || key === undefined || !principal) return next();
  if (!KEY_SHAPE.test(key)) {
    throw new ApiError("validation_failed", "The Idempotency-Key header is not valid.", {
      errors: [{ path: "header.idempotency-key", message: "1 to 255 visible ASCII characters." }],
    });
  }
  const { database, clock } = c.var.deps;
  const body = await c.req.text();
  const fingerprint = await fingerprintOf(`${c.req.method} ${c.req.path}\n${body}`, carriesSecret(c));
  const claim = await claimKey(database.db, principal.id, key, fingerprint, c.var.requestId, clock.now());
  const where = and(eq(idempotencyKeys.principalId, principal.id), eq(idempotencyKeys.key, key));
  if (claim.kind === "answer_lost") {
    const lost = answerLost();
    await database.db
      .update(idempotencyKeys)
      .set({
        state: "done",
        responseStatus: lost.status,
        responseBody: problemBody(lost.code, lost.message, c.var.requestId, { extra: lost.extra }),
      })
      .where(where);
    throw lost;
  }
  if (claim.kind === "replay") {
    c.header("Idempotency-Replayed", "true");
    if (claim.status === 204) return c.body(null, 204);
    const type = claim.status >= 400 ? "application/problem+json" : "application/json";
    return c.body(JSON.stringify(claim.body), claim.status as 200, { "Content-Type": type });
  }

  await next();

  if (c.res.status >= 500) {
    await database.db.delete(idempotencyKeys).where(where);
    return;
  }
  if (c.var.secretAnswer) {
    await database.db
      .update(idempotencyKeys)
      .set({ state: "done", responseStatus: c.res.status, withheld: true })
      .where(where);
    return;
  }
  const text = c.res.status === 204 ? "" : await c.res.clone().text();
  await database.db
    .update(idempotencyKeys)
    .set({ state: "done", responseStatus: c.res.status, responseBody: text ? JSON.parse(text) : null })
    .where(where);
});

/** Said apart from other conflicts (`idempotency: "in_progress"`), so a client keeps its key and retries. */
const inProgress = () =>
  new ApiError("conflict", "A request with this Idempotency-Key is still in progress. Retry shortly.", {
    retryAfter: 1,
    extra: { idempotency: "in_progress" },
  });

/** Said apart from other conflicts (`idempotency: "answer_lost"`), so a client knows the change was made. */
const answerLost = () =>
  new ApiError(
    "conflict",
    "The first request with this Idempotency-Key made its change, but the server stopped before it could answer, so its answer is lost. Look the result up (the account's history shows it); nothing was done twice.",
    { extra: { idempotency: "answer_lost" } },
  );

async function claimKey(
  db: Db,
  principalId: string,
  key: string,
  fingerprint: Fingerprint,
  requestId: string,
  now: Date,
): Promise<Claim> {
  const where = and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key));
  await db.delete(idempotencyKeys).where(and(where, lte(idempotencyKeys.expiresAt, now)));
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({
      principalId,
      key,
      requestHash: fingerprint.stored,
      state: "in_flight",
      // While in flight, the body names the request that holds the key (see `firstRunTookEffect`).
      responseBody: { requestId },
      lockedAt: now,
      expiresAt: new Date(now.getTime() + RECOVERY_POLICY.idempotencyKeyTtlMs),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted) return { kind: "claimed" };

  const [row] = await db.select().from(idempotencyKeys).where(where);
  if (!row) throw inProgress();
  if (!(await fingerprint.matches(row.requestHash))) {
    throw new ApiError("conflict", PROBLEM_DETAILS.idempotencyKeyReused);
  }
  if (row.state === "done" && row.withheld) {
    throw new ApiError(
      "conflict",
      "The first request with this Idempotency-Key succeeded, and its answer held a secret that is never kept. Look the result up in the list; if the secret was lost, create a new one.",
    );
  }
  if (row.state === "done") return { kind: "replay", status: row.responseStatus ?? 200, body: row.responseBody };
  if (row.lockedAt.getTime() > now.getTime() - ABANDONED_AFTER_MS) {
    throw inProgress();
  }
  if (await firstRunTookEffect(db, principalId, row.responseBody, row.lockedAt)) return { kind: "answer_lost" };
  const [takenOver] = await db
    .update(idempotencyKeys)
    .set({ lockedAt: now, responseBody: { requestId } })
    .where(and(where, eq(idempotencyKeys.state, "in_flight"), eq(idempotencyKeys.lockedAt, row.lockedAt)))
    .returning({ key: idempotencyKeys.key });
  if (!takenOver) throw inProgress();
  return { kind: "claimed" };
}

/**
 * Whether the request that took an abandoned key had committed its change before it died: its
 * change wrote audit events, by this principal, under its request id, after it took the key.
 */
async function firstRunTookEffect(db: Db, principalId: string, inFlight: unknown, lockedAt: Date): Promise<boolean> {
  const requestId = (inFlight as { requestId?: unknown } | null)?.requestId;
  if (typeof requestId !== "string") return false;
  const [event] = await db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorId, principalId),
        eq(auditEvents.requestId, requestId),
        // The event's time is the request's clock after the key was taken; a minute spares clock skew between processes.
        gte(auditEvents.occurredAt, new Date(lockedAt.getTime() - ABANDONED_AFTER_MS)),
      ),
    )
    .limit(1);
  return event !== undefined;
}
