import type { AuditQuery } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { and, asc, desc, eq, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { accounts, apiKeys, auditEvents, staff } from "../../db/schema/index.ts";
import { ApiError } from "../../http/errors.ts";

type Filters = Omit<AuditQuery, "limit" | "cursor">;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * The WHERE conditions for a filtered view of the trail. A time range becomes a range of
 * sequence numbers (no event is dated before the one it follows), so every filter walks an index on
 * `(column, seq)` or the primary key, newest first, however deep the page.
 */
export async function auditConditions(db: Db, filters: Filters): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(eq(auditEvents.actorId, await actorIdOf(db, filters.actor)));
  if (filters.actorId) conditions.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.action) conditions.push(eq(auditEvents.action, filters.action));
  if (filters.account) conditions.push(eq(auditEvents.accountId, await accountIdOf(db, filters.account)));
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

/** A refused name: the supervisor sees which filter named nobody, and nothing is searched. */
function unknown(field: "actor" | "account", message: string): ApiError {
  return new ApiError("validation_failed", message, { errors: [{ path: `query.${field}`, message }] });
}

/**
 * The id behind the `actor` filter: a staff member or an API key by id, else a staff member by
 * username (any case). An exact id wins over a username spelt like it, so the answer never depends
 * on which row the database meets first. Each is a lookup on a unique index; the events are then
 * read by `(actor_id, seq)`.
 */
async function actorIdOf(db: Db, actor: string): Promise<string> {
  const [member] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(or(eq(staff.id, actor), eq(staff.username, actor)))
    .orderBy(desc(sql`${staff.id} = ${actor}`))
    .limit(1);
  if (member?.id === actor) return member.id;
  const [key] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, actor)).limit(1);
  if (key) return key.id;
  if (member) return member.id;
  throw unknown("actor", PROBLEM_DETAILS.unknownActor(actor));
}

/**
 * The id behind the `account` filter: an account by id, else by username (any case), on their
 * unique indexes; an exact id wins over a username spelt like it.
 */
async function accountIdOf(db: Db, account: string): Promise<string> {
  const [found] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(or(eq(accounts.id, account), eq(accounts.username, account)))
    .orderBy(desc(sql`${accounts.id} = ${account}`))
    .limit(1);
  if (found) return found.id;
  throw unknown("account", PROBLEM_DETAILS.unknownAccount(account));
}

export function allOf(conditions: SQL[]): SQL | undefined {
  return conditions.length ? and(...conditions) : undefined;
}
