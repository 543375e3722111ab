import type { Staff } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { type Actor, appendAuditEvent, type RequestOrigin } from "../../audit/append.ts";
import { staff } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError } from "../../http/errors.ts";
import { decoyHash, verifySecret } from "../../security/hashing.ts";
import { createSession, type NewSession } from "./sessions.ts";
import { admitSignIn, signInSucceeded } from "./sign-in-limits.ts";

export interface LoginResult {
  staff: Staff;
  session: NewSession;
}

/**
 * Signs a staff member in. An unknown username, a wrong password and a disabled account all give
 * the same `invalid_credentials` after the same argon2 work. The attempt is counted before any
 * password is checked (per username, per client address, and across all usernames); one too many
 * is refused with `rate_limited` without a check (see sign-in-limits.ts).
 */
export async function login(
  deps: AppDeps,
  input: { username: string; password: string },
  client: RequestOrigin & { userAgent: string | null },
): Promise<LoginResult> {
  const { db } = deps.database;
  const ticket = await admitSignIn(deps, input.username, client.ip);

  const [found] = await db.select().from(staff).where(eq(staff.username, input.username));
  const passwordMatches = await verifySecret(found?.passwordHash ?? (await decoyHash()), input.password);
  const at = deps.clock.now();

  if (!found || !passwordMatches || found.disabledAt) {
    const actor: Actor = { type: "staff", id: found?.id ?? null, name: found?.username ?? input.username };
    await db.transaction((tx) =>
      appendAuditEvent(tx, {
        at,
        actor,
        action: "auth.login_failed",
        origin: client,
        details: { username: input.username, knownUser: Boolean(found) },
      }),
    );
    throw new ApiError("invalid_credentials", PROBLEM_DETAILS.wrongPassword);
  }

  const session = await db.transaction(async (tx) => {
    await signInSucceeded(tx, ticket);
    const created = await createSession(tx, deps.config, found.id, at, { ip: client.ip, userAgent: client.userAgent });
    await appendAuditEvent(tx, {
      at,
      actor: { type: "staff", id: found.id, name: found.username },
      action: "auth.login",
      origin: client,
    });
    return created;
  });
  return {
    staff: { id: found.id, username: found.username, displayName: found.displayName, role: found.role },
    session,
  };
}
