import { timingSafeEqual } from "node:crypto";
import type { TemporaryPasswordCheckRequest, TemporaryPasswordCheckResult } from "@recovery-desk/shared";
import { eq } from "drizzle-orm";
import { actorOf } from "../../auth/principal.ts";
import type { KeyScope } from "../../auth/scope.ts";
import { accounts } from "../../db/schema/index.ts";
import { decoyHash, verifySecret } from "../../security/hashing.ts";
import { moveAccount } from "../recovery/transition.ts";
import { applyLoginOutcome, readAsIfCounting } from "./record.ts";

const NOT_VALID: TemporaryPasswordCheckResult = { valid: false, mustChange: false, expiresAt: null };

/**
 * Checks a temporary password for the login service, which asks when what the customer typed is
 * not their password. Every call does exactly one argon2 verify — against the outstanding
 * temporary password's hash, or against a decoy when the username is unknown or has none
 * outstanding — and the work of counting a failure, so neither the answer nor its time tells
 * whether the username exists. The right one, on an account that may sign in, is used up in the
 * same transaction that audits it, and counts as a successful login. Any other answer for a known
 * account (wrong, expired, used, none sent) counts as that failed login under the lockout policy,
 * exactly as a reported login event does, so the login service reports it nowhere else.
 */
export async function checkTemporaryPassword(
  scope: KeyScope,
  input: TemporaryPasswordCheckRequest,
): Promise<TemporaryPasswordCheckResult> {
  const { deps, key, origin } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const [found] = await db
    .select({
      id: accounts.id,
      hash: accounts.temporaryPasswordHash,
      expiresAt: accounts.temporaryPasswordExpiresAt,
    })
    .from(accounts)
    .where(eq(accounts.username, input.username));
  const outstanding =
    found?.hash && found.expiresAt && found.expiresAt > now ? { hash: found.hash, expiresAt: found.expiresAt } : null;
  const matches = await verifySecret(outstanding?.hash ?? (await decoyHash()), input.password);
  if (!found) {
    await db.transaction((tx) => readAsIfCounting(tx, input.username, now));
    return NOT_VALID;
  }

  const context = { now, at: now, actor: actorOf(key), origin };
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(accounts).where(eq(accounts.id, found.id)).for("update");
    if (!account) return NOT_VALID;
    if (!outstanding || !matches) {
      await applyLoginOutcome(tx, account, "failure", context);
      return NOT_VALID;
    }
    // Checked against the hash read before the row was locked: it must still be the outstanding one
    // (a concurrent check may have used it up, or an agent sent a new one meanwhile).
    const stillOutstanding =
      sameText(account.temporaryPasswordHash ?? "", outstanding.hash) &&
      account.temporaryPasswordExpiresAt !== null &&
      account.temporaryPasswordExpiresAt > now;
    if (!stillOutstanding) return NOT_VALID;
    const current = await applyLoginOutcome(tx, account, "success", context);
    if (current.status !== "active") return NOT_VALID;
    await moveAccount(
      tx,
      account.id,
      null,
      {
        at: now,
        actor: context.actor,
        action: "account.temporary_password_used",
        origin,
        details: { expiresAt: outstanding.expiresAt.toISOString() },
      },
      { temporaryPasswordHash: null, temporaryPasswordExpiresAt: null, mustChangePassword: true },
    );
    return { valid: true, mustChange: true, expiresAt: outstanding.expiresAt.toISOString() };
  });
}

/** Equal texts, compared in constant time. */
function sameText(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}
