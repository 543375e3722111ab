import { boolean, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";

/**
 * Answers kept for `Idempotency-Key`: the same key with the same request replays the first
 * answer instead of acting twice. Keys belong to whoever sent them and are kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** The staff member or API key that sent the key. */
    principalId: text("principal_id").notNull(),
    key: text("key").notNull(),
    /**
     * A fingerprint of method, path and body, so the same key with another request is a conflict:
     * SHA-256, or a salted argon2id hash when the body carries a secret (an answer, a password).
     */
    requestHash: text("request_hash").notNull(),
    /** `in_flight` while the first request runs, then `done` with its answer. */
    state: text("state", { enum: ["in_flight", "done"] }).notNull(),
    responseStatus: integer("response_status"),
    /** The kept answer; while `in_flight`, `{ requestId }` of the request that holds the key. */
    responseBody: jsonb("response_body"),
    /** The answer held a secret (a new API key, an initial password) and was not kept; a replay is refused. */
    withheld: boolean("withheld").notNull().default(false),
    /** When the first request took the key; an `in_flight` key older than a minute is taken over. */
    lockedAt: instant("locked_at").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.principalId, t.key] }), index().on(t.expiresAt)],
);
