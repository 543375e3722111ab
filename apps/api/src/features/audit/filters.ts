import type { AuditQuery } from "@recovery-desk/shared";
import { and, asc, desc, eq, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { auditEvents } from "../../db/schema/index.ts";

type Filters = Omit<AuditQuery, "limit" | "cursor">;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The WHERE conditions for a filtered view of the trail. A time range becomes a range of
 * sequence numbers (no event is dated before the one it follows), so every filter walks an index on
 * `(column, seq)` or the primary key, newest first, however deep the page.
 */
export async function auditConditions(db: Db, filters: Filters): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.accountId) conditions.push(eq(auditEvents.accountId, filters.accountId));
  if (filters.caseRef) conditions.push(eq(auditEvents.caseRef, filters.caseRef));
  if (filters.from) {
    const [first] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(gte(auditEvents.occurredAt, new Date(filters.from)))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.seq))
      .limit(1);
    conditions.push(first ? gte(auditEvents.seq, first.seq) : sql`false`);
  }
  if (filters.to) {
    const [last] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(lt(auditEvents.occurredAt, new Date(filters.to)))
      .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.seq))
      .limit(1);
    conditions.push(last ? lte(auditEvents.seq, last.seq) : sql`false`);
  }
  if (filters.q) {
    conditions.push(
      sql`(coalesce(${auditEvents.reason}, '') || ' ' || ${auditEvents.details}::text) ilike ${`%${escapeLike(filters.q)}%`}`,
    );
  }
  return conditions;
}

export function allOf(conditions: SQL[]): SQL | undefined {
  return conditions.length ? and(...conditions) : undefined;
}
