import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { ApiKey, CreateApiKeyRequest, CreatedApiKey } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { desc, eq } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { type ApiKeyRow, apiKeys, staff } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { apiKeyHash } from "./authenticate-key.ts";

/** `rdk_` and 256 random bits in base32: recognisable if it leaks, unguessable. */
function newKey(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `rdk_${encodeBase32LowerCaseNoPadding(bytes)}`;
}

function present(row: ApiKeyRow & { createdByName?: string | null }): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByName ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a key; the key itself is in this answer only, the database keeps its hash. */
export async function createApiKey(scope: StaffScope, input: CreateApiKeyRequest): Promise<CreatedApiKey> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  const key = newKey();
  const row = await deps.database.db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey"),
        name: input.name,
        prefix: key.slice(0, 12),
        keyHash: apiKeyHash(key),
        scopes: [...new Set(input.scopes)],
        createdBy: admin.id,
        createdAt: now,
      })
      .returning();
    if (!inserted) throw new Error("The key insert returned no row.");
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "api_key.created",
      origin,
      details: { keyId: inserted.id, name: inserted.name, prefix: inserted.prefix, scopes: inserted.scopes },
    });
    return inserted;
  });
  return { ...present({ ...row, createdByName: admin.username }), key };
}

export async function listApiKeys(deps: AppDeps): Promise<ApiKey[]> {
  const rows = await deps.database.db
    .select({ key: apiKeys, createdByName: staff.username })
    .from(apiKeys)
    .leftJoin(staff, eq(staff.id, apiKeys.createdBy))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((r) => present({ ...r.key, createdByName: r.createdByName }));
}

/** Revokes a key: it fails at once from the next request on. Revoking twice is a conflict. */
export async function revokeApiKey(scope: StaffScope, id: string): Promise<void> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!row) throw notFound("The API key");
    if (row.revokedAt) throw new ApiError("conflict", PROBLEM_DETAILS.keyRevoked);
    await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "api_key.revoked",
      origin,
      details: { keyId: id, name: row.name, prefix: row.prefix },
    });
  });
}
