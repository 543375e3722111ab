import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.ts";
import { sessions, staff } from "../../db/schema/index.ts";
import type { AppConfig } from "../../deps.ts";
import type { StaffPrincipal } from "../../http/context.ts";
import { newSessionToken, tokenHash } from "../../security/tokens.ts";

/** The idle deadline moves forward at most this often, so busy sessions do not write on every request. */
const REFRESH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  expiresAt: Date;
}

/** Starts a session on the Lucia design: a random token for the cookie, its SHA-256 in the table. */
export async function createSession(
  db: Executor,
  config: AppConfig,
  staffId: string,
  now: Date,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.session.absoluteMs);
  await db.insert(sessions).values({
    id: tokenHash(token),
    staffId,
    createdAt: now,
    expiresAt,
    idleExpiresAt: new Date(Math.min(now.getTime() + config.session.idleMs, expiresAt.getTime())),
    lastSeenAt: now,
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/**
 * The principal a session token stands for, or null when the session is unknown, idle too long,
 * past its absolute limit, or its staff member is disabled (such sessions are deleted).
 */
export async function validateSession(
  db: Db,
  config: AppConfig,
  token: string,
  now: Date,
): Promise<StaffPrincipal | null> {
  const id = tokenHash(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      idleExpiresAt: sessions.idleExpiresAt,
      lastSeenAt: sessions.lastSeenAt,
      staffId: staff.id,
      username: staff.username,
      displayName: staff.displayName,
      role: staff.role,
      disabledAt: staff.disabledAt,
    })
    .from(sessions)
    .innerJoin(staff, eq(staff.id, sessions.staffId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  if (now >= row.expiresAt || now >= row.idleExpiresAt || row.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() >= REFRESH_EVERY_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + config.session.idleMs, row.expiresAt.getTime()));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, id));
  }
  return {
    kind: "staff",
    id: row.staffId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    sessionId: id,
  };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOf(db: Executor, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}
