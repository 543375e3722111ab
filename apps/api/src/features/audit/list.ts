import type { AuditEventPage, AuditQuery } from "@recovery-desk/shared";
import { desc, lt } from "drizzle-orm";
import { z } from "zod";
import { presentAuditEvent } from "../../audit/present.ts";
import type { Db } from "../../db/client.ts";
import { auditEvents } from "../../db/schema/index.ts";
import { decodeCursor, encodeCursor } from "../accounts/cursor.ts";
import { allOf, auditConditions } from "./filters.ts";

const Cursor = z.object({ s: z.number().int().positive() });

/** A page of the trail, newest first, by keyset on the sequence: page 10,000 costs what page 1 does. */
export async function listAuditEvents(db: Db, query: AuditQuery): Promise<AuditEventPage> {
  const conditions = await auditConditions(db, query);
  if (query.cursor) conditions.push(lt(auditEvents.seq, decodeCursor(query.cursor, Cursor).s));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(allOf(conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(presentAuditEvent);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ s: last.seq }) : null };
}
