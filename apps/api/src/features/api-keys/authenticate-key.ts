import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { KeyPrincipal } from "../../auth/principal.ts";
import type { Db } from "../../db/client.ts";
import { apiKeys } from "../../db/schema/index.ts";

/** Recorded at most this often per key, so busy services do not write on every request. */
const LAST_USE_EVERY_MS = 60_000;

export function apiKeyHash(key: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(key)));
}

/**
 * The service a key stands for, or null when it is unknown or revoked. The key is found by its
 * hash: the database compares hashes, so no secret is compared in a way that leaks its length
 * or a matching prefix through timing.
 */
export async function authenticateKey(db: Db, key: string, now: Date, ip: string | null): Promise<KeyPrincipal | null> {
  if (!key.startsWith("rdk_") || key.length > 200) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, apiKeyHash(key)));
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USE_EVERY_MS) {
    const stale = new Date(now.getTime() - LAST_USE_EVERY_MS);
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now, lastUsedIp: ip })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return { kind: "api_key", id: row.id, name: row.name, scopes: row.scopes };
}
