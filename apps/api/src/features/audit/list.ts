import type { AuditQuery, ListedAuditEventPage } from "@recovery-desk/shared";
import { desc, inArray, lt } from "drizzle-orm";
import { presentAuditEvent } from "../../audit/present.ts";
import type { Db } from "../../db/client.ts";
import { accounts, auditEvents } from "../../db/schema/index.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { allOf, auditConditions } from "./filters.ts";

/** Where a page starts: before this sequence number. */
const auditCursor = cursorCodec({ s: position.int(1) });

/** A page of the trail, newest first, by keyset on the sequence: page 10,000 costs what page 1 does. */
export async function listAuditEvents(db: Db, query: AuditQuery): Promise<ListedAuditEventPage> {
  const before = query.cursor ? auditCursor.decode(query.cursor).s : null;
  const conditions = await auditConditions(db, query);
  if (before !== null) conditions.push(lt(auditEvents.seq, before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(allOf(conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const events = rows.slice(0, query.limit).map(presentAuditEvent);
  const usernames = await accountUsernames(
    db,
    events.map((event) => event.accountId),
  );
  const items = events.map((event) => {
    const username = event.accountId ? usernames.get(event.accountId) : undefined;
    return { ...event, account: event.accountId && username ? { id: event.accountId, username } : null };
  });
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? auditCursor.encode({ s: last.seq }) : null };
}

/** The current usernames of the page's accounts, by primary key: one small read per page. */
async function accountUsernames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, username: accounts.username })
    .from(accounts)
    .where(inArray(accounts.id, wanted));
  return new Map(rows.map((row) => [row.id, String(row.username)]));
}
