import type { ApiScope } from "@recovery-desk/shared";
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns.ts";
import { staff } from "./staff.ts";

/** Keys other services use. Only the SHA-256 of a key is stored; the key is shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** The first characters of the key (`rdk_` and 8 more), to recognise it in lists and leaks. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key. Keys carry 256 random bits, so a fast hash is enough. */
    keyHash: text("key_hash").notNull().unique(),
    scopes: jsonb("scopes").$type<ApiScope[]>().notNull(),
    createdBy: text("created_by").references(() => staff.id),
    createdAt: instant("created_at").notNull(),
    /** Set when revoked: the key fails at once from then on. */
    revokedAt: instant("revoked_at"),
    lastUsedAt: instant("last_used_at"),
    lastUsedIp: text("last_used_ip"),
  },
  (t) => [index().on(t.createdAt)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
