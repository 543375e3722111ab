import type { AuditEventPage } from "@recovery-desk/shared";
import { and, desc, eq, lt } from "drizzle-orm";
import { presentAuditEvent } from "../../audit/present.ts";
import type { Db } from "../../db/client.ts";
import { accounts, auditEvents } from "../../db/schema/index.ts";
import { cursorCodec, position } from "../../http/cursor.ts";
import { notFound } from "../../http/errors.ts";

/** Where a page starts: before this sequence number. */
const timelineCursor = cursorCodec({ s: position.int(1) });

/**
 * What happened to an account, newest first: its audit events (earlier lockouts, calls,
 * verifications, recoveries, merges), paged by sequence on the (account, seq) index.
 */
export async function accountTimeline(
  db: Db,
  accountId: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<AuditEventPage> {
  const before = query.cursor ? timelineCursor.decode(query.cursor).s : null;
  const [exists] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
  if (!exists) throw notFound("The account");
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      before === null
        ? eq(auditEvents.accountId, accountId)
        : and(eq(auditEvents.accountId, accountId), lt(auditEvents.seq, before)),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit).map(presentAuditEvent);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? timelineCursor.encode({ s: last.seq }) : null };
}
