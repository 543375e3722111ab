import type { AccountEventBody, AccountEventReceipt } from "@recovery-desk/shared";
import { sql } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { KeyScope } from "../../auth/scope.ts";
import { queryRows } from "../../db/rows.ts";
import { ApiError } from "../../http/errors.ts";

/** A report dated this far ahead of the server's clock is still taken (clocks drift). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The system of record reports that an account's email or phone changed. The changed-at time
 * moves forward only; when it moves, the change is audited (`account.updated`, as a sync's is) in
 * the same transaction. An unknown username, or a time no later than the one on file, changes
 * nothing and answers the same.
 */
export async function recordAccountEvent(scope: KeyScope, input: AccountEventBody): Promise<AccountEventReceipt> {
  const { deps, key, origin } = scope;
  const now = deps.clock.now();
  const at = new Date(input.occurredAt);
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError("validation_failed", "occurredAt must not be in the future.", {
      errors: [{ path: "json.occurredAt", message: "Not in the future." }],
    });
  }
  const column = input.kind === "email_changed" ? sql.raw("email_changed_at") : sql.raw("phone_changed_at");
  await deps.database.db.transaction(async (tx) => {
    const [moved] = await queryRows<{ id: string }>(
      tx,
      sql`update accounts set ${column} = ${at.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          where username = ${input.username} and (${column} is null or ${column} < ${at.toISOString()}::timestamptz)
          returning id`,
    );
    if (!moved) return;
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(key),
      action: "account.updated",
      origin,
      accountId: moved.id,
      details: { changed: [input.kind === "email_changed" ? "email" : "phone"], occurredAt: at.toISOString() },
    });
  });
  return { status: "accepted" };
}
