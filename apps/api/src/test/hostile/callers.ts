import { type ApiScope, type CreatedApiKey, type Role, roleAtLeast } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { staff } from "../../db/schema/index.ts";
import { DEMO_STAFF } from "../../demo/personas.ts";
import { createSession } from "../../features/auth/sessions.ts";
import { HOUR } from "../../lib/clock.ts";
import { answerOf, type TestContext } from "../context.ts";
import type { DocumentedAccess } from "./openapi.ts";

/** Who sends a request, and the headers that say so. */
export type Caller =
  | { kind: "anonymous"; name: string; headers: Record<string, string> }
  | { kind: "staff"; name: string; role: Role; headers: Record<string, string> }
  | { kind: "key"; name: string; scopes: ApiScope[]; headers: Record<string, string> }
  /** A credential the API must not accept: an unknown or expired session, a revoked or unknown key. */
  | { kind: "bad-cookie"; name: string; headers: Record<string, string> }
  | { kind: "bad-bearer"; name: string; headers: Record<string, string> };

export const anonymous: Caller = { kind: "anonymous", name: "anonymous", headers: {} };

/** The demo staff member who holds each role. */
export function demoStaffOf(role: Role): string {
  const member = DEMO_STAFF.find((s) => s.role === role);
  if (!member) throw new Error(`No demo staff member is ${role}`);
  return member.username;
}

async function staffIdOf(t: TestContext, username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: staff.id }).from(staff).where(eq(staff.username, username));
  if (!row) throw new Error(`No staff member ${username}`);
  return row.id;
}

/**
 * A new session for a staff member, made directly (as a sign-in would, without the password
 * hashing), so each batch of requests can have its own and a sign-out in one does not end another.
 */
export async function staffSession(t: TestContext, username: string, at = t.clock.now()): Promise<string> {
  const session = await createSession(t.database.db, t.deps.config, await staffIdOf(t, username), at, {
    ip: null,
    userAgent: null,
  });
  return `rd_session=${session.token}`;
}

export async function staffCaller(t: TestContext, role: Role): Promise<Caller> {
  const username = demoStaffOf(role);
  return { kind: "staff", name: `${role} session`, role, headers: { cookie: await staffSession(t, username) } };
}

/** Creates an API key through the admin API, as an admin would. */
export async function createKey(
  t: TestContext,
  adminCookie: string,
  name: string,
  scopes: ApiScope[],
): Promise<CreatedApiKey> {
  return answerOf(await t.api(adminCookie)["api-keys"].$post({ json: { name, scopes } }), 201);
}

export const keyCaller = (key: CreatedApiKey): Caller => ({
  kind: "key",
  name: `key with ${key.scopes.join(", ")}`,
  scopes: key.scopes,
  headers: { authorization: `Bearer ${key.key}` },
});

/** Credentials that must never be accepted. */
export async function badCallers(t: TestContext, adminCookie: string): Promise<Caller[]> {
  const revoked = await createKey(t, adminCookie, "revoked for the access matrix", ["accounts:read", "audit:read"]);
  const res = await t.request(`/api/v1/api-keys/${revoked.id}`, { method: "DELETE", cookie: adminCookie });
  if (res.status !== 204) throw new Error(`Revoking a key answered ${res.status}`);
  // Made 13 hours before the test clock: past the 12-hour absolute limit (and the idle one).
  const expired = await staffSession(t, demoStaffOf("admin"), new Date(t.clock.now().getTime() - 13 * HOUR));
  return [
    { kind: "bad-cookie", name: "unknown session", headers: { cookie: "rd_session=abcdefghijklmnopqrstuvwxyz234567" } },
    { kind: "bad-cookie", name: "expired admin session", headers: { cookie: expired } },
    { kind: "bad-bearer", name: "revoked key", headers: { authorization: `Bearer ${revoked.key}` } },
    {
      kind: "bad-bearer",
      name: "unknown key",
      headers: { authorization: `Bearer rdk_${"a".repeat(52)}` },
    },
    { kind: "bad-bearer", name: "malformed Authorization", headers: { authorization: "Basic YWRhOmhlbHBkZXNr" } },
  ];
}

/** `allowed-or-unauthenticated`: a public operation may ignore a bad key or refuse it with 401. */
export type AccessVerdict = "allowed" | "unauthenticated" | "forbidden" | "allowed-or-unauthenticated";

/**
 * What the document promises for a caller: a credential that is bad or missing is refused with
 * 401, a good one without the role or scope with 403, and the rest get through. On a public
 * operation a bad cookie is simply no sign-in; a bad key is refused under `/api/v1` (every key
 * sent there is checked) and ignored by the health checks outside it.
 */
export function verdictFor(access: DocumentedAccess, caller: Caller): AccessVerdict {
  if (access === "public") return caller.kind === "bad-bearer" ? "allowed-or-unauthenticated" : "allowed";
  if (caller.kind === "bad-bearer") return "unauthenticated";
  if (caller.kind === "anonymous" || caller.kind === "bad-cookie") return "unauthenticated";
  const role = typeof access === "string" ? access : access.role;
  const scope = typeof access === "string" ? undefined : access.scope;
  if (caller.kind === "staff") return role && roleAtLeast(caller.role, role) ? "allowed" : "forbidden";
  return scope && caller.scopes.includes(scope as ApiScope) ? "allowed" : "forbidden";
}
