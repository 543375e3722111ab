import type { AuditEventPage, AuditQuery } from "@recovery-desk/shared";
import { desc, lt } from "drizzle-orm";
import { presentAuditEvent } from "../../audit/present.ts";
import type { Db } from "../../db/client.ts";
import { auditEvents } from "../../db/schema/index.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { allOf, auditConditions } from "./filters.ts";

/** Where a page starts: before this sequence number. */
const auditCursor = cursorCodec({ s: position.int(1) });

/** A page of the trail, newest first, by keyset on the sequence: page 10,000 costs what page 1 does. */
export async function listAuditEvents(db: Db, query: AuditQuery): Promise<AuditEventPage> {
  const before = query.cursor ? auditCursor.decode(query.cursor).s : null;
  const conditions = await auditConditions(db, query);
  if (before !== null) conditions.push(lt(auditEvents.seq, before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(allOf(conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(presentAuditEvent);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? auditCursor.encode({ s: last.seq }) : null };
}
