import type { Role } from "@recovery-desk/shared";
import { eq, sql } from "drizzle-orm";
import type { StaffPrincipal } from "../../auth/principal.ts";
import type { Db, Executor } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { sessions } from "../../db/schema/index.ts";
import type { AppConfig } from "../../deps.ts";
import {
  hitUpsert,
  REQUEST_WINDOW_MS,
  STAFF_RATE_PREFIX,
  toWindowCount,
  type WindowCount,
} from "../../lib/rate-limit.ts";
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

interface SessionCheckRow extends Record<string, unknown> {
  session_id: string;
  expires_at: Date | string;
  idle_expires_at: Date | string;
  last_seen_at: Date | string;
  staff_id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled_at: Date | string | null;
  count: number | null;
  window_started_at: Date | string | null;
}

export interface SessionCheck {
  principal: StaffPrincipal;
  /** This request counted against the staff member's rate limit. */
  requests: WindowCount;
}

/**
 * The principal a session token stands for, or null when the session is unknown, idle too long,
 * past its absolute limit, or its staff member is disabled (such sessions are deleted). The same
 * statement counts the request against the staff member's rate limit (all their sessions
 * together), so a request pays one round trip for both.
 */
export async function validateSession(
  db: Db,
  config: AppConfig,
  token: string,
  now: Date,
): Promise<SessionCheck | null> {
  const id = tokenHash(token);
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await queryRows<SessionCheckRow>(
    db,
    sql`with s as (
          select se.id as session_id, se.expires_at, se.idle_expires_at, se.last_seen_at,
                 st.id as staff_id, st.username::text as username, st.display_name, st.role, st.disabled_at
          from sessions se join staff st on st.id = se.staff_id
          where se.id = ${id}
        ), hit as (
          ${hitUpsert(
            sql`select ${STAFF_RATE_PREFIX} || s.staff_id from s
                where s.expires_at > ${at} and s.idle_expires_at > ${at} and s.disabled_at is null`,
            now,
            REQUEST_WINDOW_MS,
          )}
        )
        select s.*, hit.count, hit.window_started_at from s left join hit on true`,
  );
  if (!row) return null;
  const expiresAt = new Date(row.expires_at);
  if (row.count === null || row.window_started_at === null) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= REFRESH_EVERY_MS) {
    const idleExpiresAt = new Date(Math.min(now.getTime() + config.session.idleMs, expiresAt.getTime()));
    await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.id, id));
  }
  return {
    principal: {
      kind: "staff",
      id: row.staff_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      sessionId: id,
    },
    requests: toWindowCount({ count: row.count, window_started_at: row.window_started_at }),
  };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOf(db: Executor, staffId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.staffId, staffId));
}
