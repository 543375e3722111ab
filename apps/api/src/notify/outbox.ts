import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";
import type { Clock } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import type { Notifier } from "./notifier.ts";

/**
 * How long the outbox keeps a message. Its messages hold verification codes and temporary
 * passwords in plain text; housekeeping deletes them once they are this old.
 */
export const OUTBOX_KEEP_MS = 24 * 60 * 60_000;

/**
 * Keeps messages in the outbox table instead of sending them. Demo mode and tests use it; the
 * console's demo-only outbox page shows them so a person can play the caller.
 */
export function outboxNotifier(db: Db, clock: Clock): Notifier {
  return {
    async send(message) {
      await db.insert(outbox).values({
        id: newId("message"),
        channel: message.channel,
        kind: message.kind,
        language: message.language,
        recipient: message.to,
        subject: message.subject,
        body: message.text,
        accountId: message.accountId,
        createdAt: clock.now(),
      });
    },
  };
}
