import { asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { type AuditEventRow, auditEvents } from "../db/schema/index.ts";

/** The newest audit events, newest first. */
export async function latestEvents(db: Db, count = 10): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(count);
}

export async function eventsOf(db: Db, action: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.seq));
}

export async function allEvents(db: Db): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
}
