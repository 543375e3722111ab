import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { RECOVERY_POLICY } from "@recovery-desk/shared";
import { and, eq, lte } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import type { Db } from "../db/client.ts";
import { idempotencyKeys } from "../db/schema/index.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/** An `in_flight` key older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_AFTER_MS = 60_000;

export const IDEMPOTENCY_HEADER = "Idempotency-Key";

type Claim = { kind: "claimed" } | { kind: "replay"; status: number; body: unknown };

/**
 * Stripe-style idempotency for state-changing calls. The first request with a key runs and its
 * answer is kept for 24 hours; the same key with the same request replays that answer without
 * acting again; the same key with another request, or while the first still runs, is a conflict.
 * Answers of 500 and above are not kept, so a retry can succeed. An answer that carries a secret
 * (a new API key, an initial password) is never kept either: its replay is a conflict instead.
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
  const requestHash = encodeHexLowerCase(sha256(new TextEncoder().encode(`${c.req.method} ${c.req.path}\n${body}`)));
  const claim = await claimKey(database.db, principal.id, key, requestHash, clock.now());
  if (claim.kind === "replay") {
    c.header("Idempotency-Replayed", "true");
    if (claim.status === 204) return c.body(null, 204);
    const type = claim.status >= 400 ? "application/problem+json" : "application/json";
    return c.body(JSON.stringify(claim.body), claim.status as 200, { "Content-Type": type });
  }

  await next();

  const where = and(eq(idempotencyKeys.principalId, principal.id), eq(idempotencyKeys.key, key));
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

async function claimKey(db: Db, principalId: string, key: string, requestHash: string, now: Date): Promise<Claim> {
  const where = and(eq(idempotencyKeys.principalId, principalId), eq(idempotencyKeys.key, key));
  await db.delete(idempotencyKeys).where(and(where, lte(idempotencyKeys.expiresAt, now)));
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({
      principalId,
      key,
      requestHash,
      state: "in_flight",
      lockedAt: now,
      expiresAt: new Date(now.getTime() + RECOVERY_POLICY.idempotencyKeyTtlMs),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted) return { kind: "claimed" };

  const [row] = await db.select().from(idempotencyKeys).where(where);
  if (!row) throw inProgress();
  if (row.requestHash !== requestHash) {
    throw new ApiError("conflict", "This Idempotency-Key was already used for a different request.");
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
  const [takenOver] = await db
    .update(idempotencyKeys)
    .set({ lockedAt: now })
    .where(and(where, eq(idempotencyKeys.state, "in_flight"), eq(idempotencyKeys.lockedAt, row.lockedAt)))
    .returning({ key: idempotencyKeys.key });
  if (!takenOver) throw inProgress();
  return { kind: "claimed" };
}
